#pragma once
// The options of the CSV and ICS outputs, shared by `due` and `export`.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "acct/model/result.h"
#include "acct/render/csv.h"

namespace acctool::cli {

struct FileFormatOptions {
    std::string delimiter = ",";
    bool bom = false;
    std::optional<std::string> alarm;
};

void add_file_format_options(CLI::App& cmd, FileFormatOptions& o);
Result<CsvOptions> csv_options(const FileFormatOptions& o);
// --alarm as whole days before the item (a period in days or weeks).
Result<std::optional<int>> alarm_days(const FileFormatOptions& o);

}  // namespace acctool::cli
