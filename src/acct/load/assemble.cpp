#include "acct/load/assemble.h"

#include <algorithm>
#include <bit>
#include <map>
#include <set>
#include <tuple>

#include <xxhash.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/load/assemble_team.h"
#include "acct/load/metric_records.h"
#include "acct/model/billing_period.h"
#include "acct/os/parallel.h"

namespace acctool {

namespace {

// Where a record sits, to order duplicates: path, then offset.
struct Place {
    const FileRecords* file;
    std::uint32_t pos;
};

bool before(const Place& a, const Place& b) {
    return std::tie(a.file->source->path(), a.pos) < std::tie(b.file->source->path(), b.pos);
}

std::string place_text(const Place& p) {
    SourceLocation l = p.file->source->locate(p.pos);
    return fmt::format("{}:{}", l.file, l.line);
}

void error(std::vector<Diagnostic>& out, const Place& p, Message message) {
    out.push_back(p.file->source->diagnose(Severity::error, p.pos, std::move(message)));
}

// Each invoice number's first place (by path, then place in the file), in a
// table of open addressing: this runs on one core before the clients are
// assembled on all of them, and a node per invoice was most of its time.
class FirstInvoices {
  public:
    explicit FirstInvoices(std::size_t invoices) : slots_(std::bit_ceil(invoices * 2 + 2), 0) {
        places_.reserve(invoices);
    }
    // Whether `number` was seen before.
    bool add(std::string_view number, const Place& here) {
        std::uint32_t& slot = find(number);
        if (slot == 0) {
            places_.push_back({number, here});
            slot = static_cast<std::uint32_t>(places_.size());
            return false;
        }
        Place& first = places_[slot - 1].second;
        if (before(here, first)) first = here;
        return true;
    }
    const Place& first(std::string_view number) { return places_[find(number) - 1].second; }

  private:
    // The slot of `number`, or the empty one where it would go.
    std::uint32_t& find(std::string_view number) {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = XXH3_64bits(number.data(), number.size()) & mask;;
             at = (at + 1) & mask) {
            std::uint32_t& slot = slots_[at];
            if (slot == 0 || places_[slot - 1].first == number) return slot;
        }
    }

    std::vector<std::uint32_t> slots_;  // a place's index + 1; 0: empty
    std::vector<std::pair<std::string_view, Place>> places_;
};

// Invoice numbers are unique in the workspace: each but the first is skipped.
std::set<std::pair<const FileRecords*, std::uint32_t>> duplicate_invoices(
    const std::vector<ClientFiles>& clients, std::vector<Diagnostic>& out) {
    std::size_t invoices = 0;
    for (const auto& c : clients)
        for (const auto& f : c.files)
            invoices += f.invoices.size();
    FirstInvoices first(invoices);
    bool seen_twice = false;
    for (const auto& c : clients)
        for (const auto& f : c.files)
            for (const auto& inv : f.invoices)
                seen_twice |= first.add(inv.invoice.number, Place{&f, inv.number_pos});
    std::set<std::pair<const FileRecords*, std::uint32_t>> dups;
    if (!seen_twice) return dups;
    for (const auto& c : clients)
        for (const auto& f : c.files)
            for (const auto& inv : f.invoices) {
                const Place& kept = first.first(inv.invoice.number);
                if (kept.file == &f && kept.pos == inv.number_pos) continue;
                error(out, Place{&f, inv.number_pos},
                      say("duplicate invoice number '{}', first at {} (this one is skipped)",
                          inv.invoice.number, place_text(kept)));
                dups.insert({&f, inv.number_pos});
            }
    return dups;
}

// Appends `from` to `to`, in order, and frees `from`: the first file's
// vector is taken whole, so a client's interactions are not held twice.
template <class T>
void take_all(std::vector<T>& to, std::vector<T>& from) {
    if (to.empty()) {
        to = std::move(from);
    } else {
        to.reserve(to.size() + from.size());
        for (auto& x : from)
            to.push_back(std::move(x));
    }
    from = std::vector<T>();  // not `= {}`, which keeps the capacity
}

class ClientAssembler {
  public:
    ClientAssembler(ClientFiles& files, const Config& config, Date as_of,
                    std::vector<Diagnostic>& out,
                    const std::set<std::pair<const FileRecords*, std::uint32_t>>& dup_invoices)
        : files_(files), config_(config), as_of_(as_of), out_(out), dup_invoices_(dup_invoices) {
        for (auto& f : files_.files)
            if (!f.parsed && !unread_) unread_ = &f;
    }

    Client run() {
        // Defaults stand when client.yaml could not be read at all.
        Client client;
        client.name = files_.id;
        client.owner = config_.owner;
        client.cadence = config_.cadence;
        client.at = SourceLocation{files_.folder + "/client.yaml", 1, 1};
        client.reporting_at = client.at;
        for (auto& f : files_.files)
            if (f.client_file) client = std::move(f.client);
        client.id = files_.id;
        client.folder = files_.folder;
        take_contracts(client);
        take_invoices(client);
        take_requests(client, files_.files, out_);
        take_changes(client, files_.files, config_, out_, [this] { return folded(); });
        take_metrics(client, files_.files, out_);
        for (auto& f : files_.files) {
            take_all(client.interactions, f.interactions);
            take_all(client.tasks, f.tasks);
            // Files in order, each one's own latest: the later of equal dates wins.
            if (f.last_interaction && (!client.last_interaction ||
                                       f.last_interaction->date >= client.last_interaction->date))
                client.last_interaction = std::move(f.last_interaction);
            if (f.last_report &&
                (!client.last_report || f.last_report->date >= client.last_report->date))
                client.last_report = std::move(f.last_report);
        }
        // Not while a file did not parse: it may hold the contract (or the
        // status). A new client has a month to sign one (SPEC 2.7).
        bool new_client = client.since && add(*client.since, Period{30, PeriodUnit::day}) >= as_of_;
        if (client.status == ClientStatus::active && client.declared_contracts.empty() &&
            !unread_ && !new_client)
            for (const auto& f : files_.files)
                if (f.client_file)
                    out_.push_back(
                        f.source->diagnose(Severity::warning, f.client_pos,
                                           say("active client '{}' has no contract", client.id)));
        fold_into_unread();
        return client;
    }

  private:
    // A reference to a contract that is not there, while a file of the client
    // did not parse, most likely names a contract in that file: it is told
    // once, with the syntax error, not once per record.
    bool folded() {
        if (!unread_) return false;
        ++folded_;
        return true;
    }

    void fold_into_unread() {
        if (folded_ == 0 || unread_->diagnostics.empty()) return;
        Diagnostic& d = unread_->diagnostics.front();
        d.said = verbatim(trnf("{}; {} record that may refer to a contract in it is skipped too",
                               "{}; {} records that may refer to a contract in it are skipped too",
                               static_cast<unsigned long>(folded_), d.message, folded_));
        d.message = words(d.said);
    }

    void take_contracts(Client& client) {
        std::map<std::string, Place> first;
        std::set<std::pair<const FileRecords*, std::uint32_t>> dups;
        for (const auto& f : files_.files)
            for (const auto& d : f.declared) {
                Place here{&f, d.pos};
                auto [it, fresh] = first.emplace(d.id, here);
                if (fresh) continue;
                error(out_, here,
                      say("duplicate contract id '{}', first at {} (this one is "
                          "skipped)",
                          d.id, place_text(it->second)));
                dups.insert({&f, d.pos});
            }
        for (const auto& [id, place] : first)
            client.declared_contracts.insert(id);
        for (auto& f : files_.files)
            for (auto& raw : f.contracts) {
                if (dups.count({&f, raw.id_pos})) continue;
                const auto& by = raw.contract.renewed_by;
                if (by && !client.declared_contracts.count(*by)) {
                    if (folded()) continue;
                    error(out_, Place{&f, raw.renewed_by_pos},
                          say("renewal.renewed_by: no contract '{}' in client '{}'; the "
                              "contract is skipped",
                              *by, files_.id));
                    continue;
                }
                client.contracts.push_back(std::move(raw.contract));
            }
    }

    const Contract* find_contract(const Client& client, const std::string& id) const {
        for (const auto& c : client.contracts)
            if (c.id == id) return &c;
        return nullptr;
    }

    void take_invoices(Client& client) {
        std::size_t n = 0;
        for (const auto& f : files_.files)
            n += f.invoices.size();
        client.invoices.reserve(n);
        for (auto& f : files_.files)
            for (auto& raw : f.invoices) {
                if (dup_invoices_.count({&f, raw.number_pos})) continue;
                client.invoices.push_back(std::move(raw.invoice));
                if (!settle(client, f, raw, client.invoices.back())) client.invoices.pop_back();
            }
    }

    // Settles `inv`, which was `raw`'s; false when the invoice is skipped.
    bool settle(const Client& client, const FileRecords& f, RawInvoice& raw, Invoice& inv) {
        const Contract* contract = nullptr;
        if (inv.contract) {
            if (!client.declared_contracts.count(*inv.contract)) {
                if (folded()) return false;
                error(out_, Place{&f, raw.contract_pos},
                      say("contract: no contract '{}' in client '{}' (the invoice is skipped)",
                          *inv.contract, client.id));
                return false;
            }
            contract = find_contract(client, *inv.contract);
            if (contract && !inv.is_void &&
                (contract->status == ContractStatus::draft ||
                 contract->status == ContractStatus::sent))
                out_.push_back(f.source->diagnose(
                    Severity::warning, raw.contract_pos,
                    words(say("invoice {}: contract {} is {}, not signed; record the "
                              "signature (acct contract {} {} signed) or void the invoice",
                              inv.number, contract->id, to_string(contract->status), client.id,
                              contract->id))));
        }
        Currency currency = config_.currency;
        if (raw.currency)
            currency = *raw.currency;
        else if (contract && contract->value)
            currency = contract->value->amount.currency;
        auto amount = to_money(raw.amount, currency);
        if (!amount) {
            error(out_, Place{&f, raw.amount_pos},
                  say("amount: {} (the invoice is skipped)", amount.error()));
            return false;
        }
        inv.amount = *amount;
        std::int64_t paid = 0;
        for (const auto& p : raw.payments) {
            auto m = to_money(p.amount, currency);
            if (!m) {
                error(out_, Place{&f, p.amount_pos},
                      say("amount: {} (the invoice is skipped)", m.error()));
                return false;
            }
            inv.payments.push_back(Payment{p.date, *m});
            paid += m->minor;
        }
        if (paid > inv.amount.minor)
            out_.push_back(f.source->diagnose(
                Severity::warning, raw.first_key_pos,
                say("invoice {}: payments of {} exceed its amount {}", inv.number,
                    say_money(Money{paid, currency}), say_money(inv.amount))));
        Period terms = contract ? contract->billing.terms : config_.terms;
        inv.due = raw.due ? *raw.due : add(inv.issued, terms);
        if (inv.period.empty()) inv.period = default_invoice_period(inv.issued, contract);
        return true;
    }

    ClientFiles& files_;
    const Config& config_;
    Date as_of_;
    FileRecords* unread_ = nullptr;  // the first file of the client that did not parse
    int folded_ = 0;
    std::vector<Diagnostic>& out_;
    const std::set<std::pair<const FileRecords*, std::uint32_t>>& dup_invoices_;
};

}  // namespace

Assembled assemble(std::vector<ClientFiles> clients, const Config& config, Date as_of) {
    Assembled out;
    auto dups = duplicate_invoices(clients, out.diagnostics);
    // Clients are independent once invoice numbers are checked: each on any
    // core, its diagnostics apart, then all in the clients' order.
    out.clients.resize(clients.size());
    std::vector<std::vector<Diagnostic>> said(clients.size()), read(clients.size());
    parallel_for(clients.size(), [&](std::size_t i) {
        out.clients[i] = ClientAssembler(clients[i], config, as_of, said[i], dups).run();
        // After the client: folding amends a file's syntax error.
        for (auto& f : clients[i].files)
            for (auto& d : f.diagnostics)
                read[i].push_back(std::move(d));
        clients[i].files = std::vector<FileRecords>();  // taken: the client holds it now
    });
    for (auto* all : {&said, &read})
        for (auto& s : *all)
            for (auto& d : s)
                out.diagnostics.push_back(std::move(d));
    // Folders are walked in the order of their paths: usually the ids' order.
    auto by_id = [](const Client& a, const Client& b) { return a.id < b.id; };
    if (!std::is_sorted(out.clients.begin(), out.clients.end(), by_id))
        std::sort(out.clients.begin(), out.clients.end(), by_id);
    return out;
}

}  // namespace acctool
