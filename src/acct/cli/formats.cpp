#include "acct/cli/formats.h"

#include <fmt/format.h>

#include "acct/model/period.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

void add_file_format_options(CLI::App& cmd, FileFormatOptions& o) {
    cmd.add_option("--delimiter", o.delimiter, "CSV: the field separator, one character or 'tab'");
    cmd.add_flag("--bom", o.bom, "CSV: start with a UTF-8 byte order mark (for Excel)");
    cmd.add_option("--alarm", o.alarm, "ICS: a reminder this long before each item (1d, 2w)");
}

Result<CsvOptions> csv_options(const FileFormatOptions& o) {
    std::string d = o.delimiter == "tab" ? "\t" : o.delimiter;
    if (d.size() != 1 || d == "\"" || d == "\r" || d == "\n")
        return Failure{
            fmt::format("--delimiter '{}': give one character other than a quote or "
                        "a line break, or 'tab'",
                        terminal_safe(o.delimiter))};
    return CsvOptions{d[0], o.bom};
}

Result<std::optional<int>> alarm_days(const FileFormatOptions& o) {
    if (!o.alarm) return std::optional<int>{};
    auto p = parse_period(*o.alarm);
    if (!p) return Failure{fmt::format("--alarm '{}': {}", terminal_safe(*o.alarm), p.error())};
    if (p->unit != PeriodUnit::day && p->unit != PeriodUnit::week)
        return Failure{
            fmt::format("--alarm '{}': give days or weeks (1d, 2w)", terminal_safe(*o.alarm))};
    return std::optional<int>(p->unit == PeriodUnit::week ? p->count * 7 : p->count);
}

}  // namespace acctool::cli
