#include "acct/render/command.h"

#include <initializer_list>

#include <fmt/format.h>

namespace acctool {

std::string shell_quote(std::string_view s) {
    bool plain = !s.empty() && s.find_first_not_of(
                                   "abcdefghijklmnopqrstuvwxyz"
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                   "0123456789@%+=:,./_-") == std::string_view::npos;
    if (plain) return std::string(s);
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

namespace {

std::string command(std::initializer_list<std::string_view> args) {
    std::string out = "acct";
    for (auto a : args)
        out += " " + shell_quote(a);
    return out;
}

const Contract* contract_of(const Client& c, std::string_view id) {
    for (const auto& k : c.contracts)
        if (k.id == id) return &k;
    return nullptr;
}

// A request or change is named by its id, else its title.
template <class Record>
const Record* record_at(const std::vector<Record>& records, const SourceLocation& at) {
    for (const auto& r : records)
        if (r.at == at) return &r;
    return nullptr;
}

}  // namespace

std::string resolving_command(const DueItem& item) {
    const std::string& id = item.client->id;
    const std::string& subject = item.subject;
    switch (item.kind) {
        case ItemKind::follow_up:
            return command({"log", id, "call", "Follow-up"});
        case ItemKind::touch_base:
            return command({"log", id, "call", "Touch base"});
        case ItemKind::task:
            return command({"done", id, subject});
        case ItemKind::renewal:
        case ItemKind::notice:
            return command({"renew", id, subject});
        case ItemKind::signature: {
            const Contract* k = contract_of(*item.client, subject);
            bool sent = k && k->status == ContractStatus::sent;
            return command({"contract", id, subject, sent ? "signed" : "sent"});
        }
        case ItemKind::invoice: {
            std::size_t slash = subject.rfind('/');
            if (slash == std::string::npos) return {};
            return command({"invoice", id, std::string_view(subject).substr(0, slash), "--period",
                            std::string_view(subject).substr(slash + 1)});
        }
        case ItemKind::payment:
            return command({"paid", subject});
        case ItemKind::report:
            return command({"log", id, "report", "Status report"});
        case ItemKind::request: {
            // The first step still missing; a handoff needs a person and a
            // decision a word only the user has: no command for those.
            const Request* r = record_at(item.client->requests, item.at);
            if (!r) return {};
            const std::string& name = r->id.empty() ? r->title : r->id;
            if (!r->acked) return command({"request", id, name, "--acked", "today"});
            if (!r->to) return {};
            if (!r->done) return command({"request", id, name, "--done", "today"});
            return command({"request", id, name, "--told", "today"});
        }
        case ItemKind::change: {
            const Change* x = record_at(item.client->changes, item.at);
            if (!x || x->status != ChangeStatus::proposed) return {};
            return command({"change", id, x->id.empty() ? x->title : x->id, "--sent", "today"});
        }
    }
    return {};
}

}  // namespace acctool
