#pragma once
#include <string>
#include <vector>

#include "acct/model/message.h"
#include "acct/model/source_location.h"

namespace acctool {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;           // words(said), for the reader
    Message said;                  // what the cache keeps
    std::string source_line;       // the raw line `where` points into, for the caret
    std::size_t caret_offset = 0;  // bytes of source_line before the caret
};

struct DiagnosticCounts {
    int errors = 0;
    int warnings = 0;
    int files = 0;  // distinct files with at least one diagnostic
};

DiagnosticCounts count(const std::vector<Diagnostic>& diags);
// By path (byte order), line, column; stable otherwise.
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace acctool
