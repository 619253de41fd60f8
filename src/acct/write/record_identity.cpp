#include "acct/write/record_identity.h"

namespace acctool {

const RecordIdentity* identity_of(std::string_view section) {
    for (const auto& id : record_identities)
        if (id.section == section) return &id;
    return nullptr;
}

std::optional<std::string> identity_key(const RecordIdentity& id, const YamlValue& record) {
    if (record.kind != YamlNode::Kind::mapping) return std::nullopt;
    std::string key;
    bool any = false;
    for (std::string_view name : id.keys) {
        if (name.empty()) continue;
        key += '\x1f';  // a separator no scalar of a valid file holds
        for (std::size_t i = 0; i + 1 < record.items.size(); i += 2)
            if (record.items[i].value == name &&
                record.items[i + 1].kind == YamlNode::Kind::scalar) {
                key += record.items[i + 1].value;
                any = true;
                break;
            }
    }
    if (!any) return std::nullopt;
    return key;
}

}  // namespace acctool
