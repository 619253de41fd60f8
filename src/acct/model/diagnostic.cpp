#include "acct/model/diagnostic.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace acctool {

DiagnosticCounts count(const std::vector<Diagnostic>& diags) {
    DiagnosticCounts c;
    std::set<std::string> files;
    for (const auto& d : diags) {
        (d.severity == Severity::error ? c.errors : c.warnings)++;
        files.insert(d.where.file);
    }
    c.files = static_cast<int>(files.size());
    return c;
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
    });
}

}  // namespace acctool
