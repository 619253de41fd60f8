#include "acct/load/assemble_team.h"

#include <map>
#include <set>

namespace acctool {

namespace {

void error_at(std::vector<Diagnostic>& out, const FileRecords& f, std::uint32_t pos,
              std::string message) {
    out.push_back(f.source->diagnose(Severity::error, pos, std::move(message)));
}

std::string line_of(const FileRecords& f, std::uint32_t pos) {
    SourceLocation l = f.source->locate(pos);
    return fmt::format("{}:{}", l.file, l.line);
}

}  // namespace

void take_requests(Client& client, std::vector<FileRecords>& files, std::vector<Diagnostic>& out) {
    // Files come in byte order of name and entries in file order: the first
    // seen stands.
    std::map<std::string, std::string> first;
    std::set<std::pair<const FileRecords*, std::uint32_t>> dups;
    for (const auto& f : files)
        for (const auto& d : f.declared_requests) {
            auto [it, fresh] = first.emplace(d.id, line_of(f, d.pos));
            if (fresh) continue;
            error_at(out, f, d.pos,
                     words(say("duplicate request id '{}', first at {} (this one is skipped)", d.id,
                               it->second)));
            dups.insert({&f, d.pos});
        }
    for (const auto& [id, where] : first)
        client.declared_requests.insert(id);
    for (auto& f : files)
        for (auto& raw : f.requests)
            if (raw.request.id.empty() || !dups.count({&f, raw.id_pos}))
                client.requests.push_back(std::move(raw.request));
}

void take_changes(Client& client, std::vector<FileRecords>& files, const Config& config,
                  std::vector<Diagnostic>& out, const std::function<bool()>& folded) {
    std::map<std::string, std::string> first;
    for (auto& f : files)
        for (auto& raw : f.changes) {
            Change x = std::move(raw.change);
            if (!x.id.empty()) {
                auto [it, fresh] = first.emplace(x.id, line_of(f, raw.id_pos));
                if (!fresh) {
                    error_at(out, f, raw.id_pos,
                             words(say("duplicate change id '{}', first at {} (this one is "
                                       "skipped)",
                                       x.id, it->second)));
                    continue;
                }
            }
            const Contract* contract = nullptr;
            if (x.contract) {
                if (!client.declared_contracts.count(*x.contract)) {
                    if (folded()) continue;
                    error_at(out, f, raw.contract_pos,
                             words(say("contract: no contract '{}' in client '{}' (the change "
                                       "is skipped)",
                                       *x.contract, client.id)));
                    continue;
                }
                for (const auto& k : client.contracts)
                    if (k.id == *x.contract) contract = &k;
            }
            if (x.request && !client.declared_requests.count(*x.request)) {
                if (folded()) continue;
                error_at(out, f, raw.request_pos,
                         words(say("request: no request '{}' in client '{}' (the change is "
                                   "skipped)",
                                   *x.request, client.id)));
                continue;
            }
            if (raw.budget) {
                Currency currency = raw.currency                  ? *raw.currency
                                    : contract && contract->value ? contract->value->amount.currency
                                                                  : config.currency;
                auto money = to_money(*raw.budget, currency);
                if (!money) {
                    error_at(out, f, raw.budget_pos,
                             words(say("budget: {} (the change is skipped)", money.error())));
                    continue;
                }
                x.budget = *money;
            }
            client.changes.push_back(std::move(x));
        }
}

}  // namespace acctool
