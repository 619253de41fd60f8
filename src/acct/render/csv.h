#pragma once
// RFC 4180 CSV: a header row, CRLF line ends, UTF-8 (optionally with a BOM
// for Excel), fields quoted when they hold the delimiter, a quote, CR or LF.
// A text cell that starts with =, +, -, @, tab or CR gets a leading
// apostrophe, so a spreadsheet never runs data as a formula.
#include <string>
#include <vector>

namespace acctool {

struct CsvOptions {
    char delimiter = ',';
    bool bom = false;
};

struct CsvColumn {
    std::string name;
    bool numeric = false;  // numbers and amounts: never neutralised
};

struct CsvTable {
    std::vector<CsvColumn> columns;
    std::vector<std::vector<std::string>> rows;
};

std::string render_csv(const CsvTable& table, const CsvOptions& options);

}  // namespace acctool
