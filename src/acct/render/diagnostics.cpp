#include "acct/render/diagnostics.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"

namespace acctool {

std::string format_diagnostic(const Diagnostic& d, const Paint& paint, bool source) {
    bool error = d.severity == Severity::error;
    std::string out = fmt::format("{}: {} {}\n", terminal_safe(fmt::format("{}", d.where)),
                                  paint(error ? "error:" : "warning:", error ? "1;31" : "1;33"),
                                  terminal_safe(d.message));
    if (!source || d.source_line.empty()) return out;
    std::string number = std::to_string(d.where.line);
    std::string gutter(number.size(), ' ');
    std::string before = terminal_safe(std::string_view(d.source_line).substr(0, d.caret_offset));
    out += fmt::format(" {} | {}\n", number, terminal_safe(d.source_line));
    out += fmt::format(" {} | {}{}\n", gutter,
                       std::string(static_cast<std::size_t>(display_width(before)), ' '),
                       paint("^", error ? "1;31" : "1;33"));
    return out;
}

std::string format_counts(const DiagnosticCounts& c, int files_checked) {
    auto n = [](int v) { return static_cast<unsigned long>(v); };
    // TRANSLATORS: "1 error, 2 warnings in 11 files"; each count has its own plural.
    return trf("{}, {} in {}", trnf("{} error", "{} errors", n(c.errors), c.errors),
               trnf("{} warning", "{} warnings", n(c.warnings), c.warnings),
               // TRANSLATORS: the files after "in": в 1 файле, в 11 файлах.
               trnf("{} file", "{} files", n(files_checked), files_checked));
}

}  // namespace acctool
