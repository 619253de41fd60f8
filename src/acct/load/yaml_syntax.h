#pragma once
// yaml-cpp's syntax errors in the user's words: it reports what its scanner
// met ("illegal map value" on the line after a missing ':'), not what the
// user did. Two common mistakes get their own message, at their own place.
#include <string_view>

#include "acct/load/yaml_tree.h"

namespace acctool {

// `raw` is yaml-cpp's error for `text`; returns a clearer one where the text
// shows a missing ':' or a tab in the indentation, else `raw` unchanged.
YamlError explain_syntax_error(std::string_view text, const YamlError& raw);

// The message for a line that holds a key with no ':' after it.
std::string no_colon_message(std::string_view line_content);

}  // namespace acctool
