#pragma once
// The options of the CSV and ICS outputs: `due` and `export` take both,
// `clients` and `report` only CSV's. Each is refused with another format.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "acct/model/result.h"
#include "acct/render/csv.h"

namespace acctool::cli {

struct FileFormatOptions {
    std::optional<std::string> delimiter;  // default ','
    bool bom = false;
    std::optional<std::string> alarm;
};

void add_csv_options(CLI::App& cmd, FileFormatOptions& o);
void add_file_format_options(CLI::App& cmd, FileFormatOptions& o);  // CSV's and ICS's
// An error when --delimiter or --bom is given with a `format` other than csv.
Result<CsvOptions> csv_options(const FileFormatOptions& o, std::string_view format);
// --alarm as whole days before the item (a period in days or weeks); an
// error when it is given with a `format` other than ics.
Result<std::optional<int>> alarm_days(const FileFormatOptions& o, std::string_view format);

}  // namespace acctool::cli
