#include "acct/cli/formats.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/model/period.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

void add_csv_options(CLI::App& cmd, FileFormatOptions& o) {
    cmd.add_option("--delimiter", o.delimiter, "CSV: the field separator, one character or 'tab'");
    cmd.add_flag("--bom", o.bom, "CSV: start with a UTF-8 byte order mark (for Excel)");
}

void add_file_format_options(CLI::App& cmd, FileFormatOptions& o) {
    add_csv_options(cmd, o);
    cmd.add_option("--alarm", o.alarm, "ICS: a reminder this long before each item (1d, 2w)");
}

Result<CsvOptions> csv_options(const FileFormatOptions& o, std::string_view format) {
    if (format != "csv" && (o.delimiter || o.bom))
        return Failure{trf("{} applies to --format csv only, not {}",
                           o.delimiter ? "--delimiter" : "--bom", format)};
    std::string given = o.delimiter.value_or(",");
    std::string d = given == "tab" ? "\t" : given;
    if (d.size() != 1 || d == "\"" || d == "\r" || d == "\n")
        return Failure{
            trf("--delimiter '{}': give one character other than a quote or "
                "a line break, or 'tab'",
                terminal_safe(given))};
    return CsvOptions{d[0], o.bom};
}

Result<std::optional<int>> alarm_days(const FileFormatOptions& o, std::string_view format) {
    if (!o.alarm) return std::optional<int>{};
    if (format != "ics")
        return Failure{trf("--alarm applies to --format ics only, not {}", format)};
    auto p = parse_period(*o.alarm);
    if (!p) return Failure{fmt::format("--alarm '{}': {}", terminal_safe(*o.alarm), p.error())};
    if (p->unit != PeriodUnit::day && p->unit != PeriodUnit::week)
        return Failure{trf("--alarm '{}': give days or weeks (1d, 2w)", terminal_safe(*o.alarm))};
    return std::optional<int>(p->unit == PeriodUnit::week ? p->count * 7 : p->count);
}

}  // namespace acctool::cli
