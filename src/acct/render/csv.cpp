#include "acct/render/csv.h"

namespace acctool {

namespace {

std::string field(std::string value, bool numeric, char delimiter) {
    if (!numeric && !value.empty() &&
        std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        value.insert(0, 1, '\'');
    bool quote = value.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string::npos;
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string render_csv(const CsvTable& table, const CsvOptions& options) {
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    auto row = [&](const std::vector<std::string>& cells, bool header) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) out += options.delimiter;
            bool numeric = !header && i < table.columns.size() && table.columns[i].numeric;
            out += field(cells[i], numeric, options.delimiter);
        }
        out += "\r\n";
    };
    std::vector<std::string> names;
    for (const auto& c : table.columns)
        names.push_back(c.name);
    row(names, true);
    for (const auto& r : table.rows)
        row(r, false);
    return out;
}

}  // namespace acctool
