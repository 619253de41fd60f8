#pragma once
// What makes two versions of a record "the same record" for a merge: per
// section, the fields that name it. A new kind of record is one line here.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "acct/write/yaml_value.h"

namespace acctool {

struct RecordIdentity {
    std::string_view section;
    std::array<std::string_view, 2> keys;  // an empty name is unused
    bool unique;  // two records may not share it (contract id, invoice number)
};

inline constexpr RecordIdentity record_identities[] = {
    {"contracts", {"id", ""}, true},
    {"invoices", {"number", ""}, true},
    {"requests", {"id", ""}, true},
    {"changes", {"id", ""}, true},
    {"interactions", {"date", "kind"}, false},
    {"tasks", {"title", ""}, false},
    {"metrics", {"date", "name"}, false},
};

// The identity of `section`'s records, or nullptr when it is not a record list.
const RecordIdentity* identity_of(std::string_view section);

// The values of the naming fields of `record` joined into one key, or
// nothing when the record has none of them.
std::optional<std::string> identity_key(const RecordIdentity& id, const YamlValue& record);

}  // namespace acctool
