#pragma once
// A new request or change whose title an open one of the client has already:
// recorded all the same (the client may well ask twice), but worth a warning,
// since the title alone no longer names either.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "acct/lang/translate.h"
#include "acct/model/records.h"

namespace acctool::cli {

// The warning, a whole sentence in the current language, naming the twin's
// file and line, and its id when it has one.
struct TwinMessages {
    std::string (*without_id)(const std::string& client, const std::string& title,
                              const SourceLocation& at);
    std::string (*with_id)(const std::string& client, const std::string& title,
                           const std::string& id, const SourceLocation& at);
};

inline constexpr TwinMessages request_twin_messages{
    [](const std::string& client, const std::string& title, const SourceLocation& at) {
        return trf("{} already has an open request '{}' ({}:{}); recorded this one too", client,
                   title, at.file, at.line);
    },
    [](const std::string& client, const std::string& title, const std::string& id,
       const SourceLocation& at) {
        return trf("{} already has an open request '{}' ({}, {}:{}); recorded this one too", client,
                   title, id, at.file, at.line);
    }};
inline constexpr TwinMessages change_twin_messages{
    [](const std::string& client, const std::string& title, const SourceLocation& at) {
        return trf("{} already has an undecided change '{}' ({}:{}); recorded this one too", client,
                   title, at.file, at.line);
    },
    [](const std::string& client, const std::string& title, const std::string& id,
       const SourceLocation& at) {
        return trf("{} already has an undecided change '{}' ({}, {}:{}); recorded this one too",
                   client, title, id, at.file, at.line);
    }};

// The warning about the first open record of `records` titled exactly
// `title`, or nothing when there is none.
template <class Record>
std::optional<std::string> twin_warning(const Client& c, const std::vector<Record>& records,
                                        const std::string& title, const TwinMessages& say,
                                        const std::function<bool(const Record&)>& open) {
    for (const auto& r : records) {
        if (r.title != title || !open(r)) continue;
        if (r.id.empty()) return say.without_id(c.id, r.title, r.at);
        return say.with_id(c.id, r.title, r.id, r.at);
    }
    return std::nullopt;
}

}  // namespace acctool::cli
