#include "acct/rules/explain.h"

#include <algorithm>

#include <fmt/format.h>

#include "acct/lang/counted_period.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/rules/renewal.h"
#include "acct/rules/request_steps.h"

namespace acctool {

namespace {

std::string place(const SourceLocation& at) {
    return fmt::format("{}:{}", at.file, at.line);
}

std::string statuses(std::initializer_list<ClientStatus> list) {
    std::vector<std::string_view> names;
    for (auto s : list)
        names.push_back(to_string(s));
    return fmt::format("{}", fmt::join(names, ", "));
}

bool status_in(const Client& c, std::initializer_list<ClientStatus> list) {
    return std::find(list.begin(), list.end(), c.status) != list.end();
}

std::string describe(const Interaction& i) {
    // TRANSLATORS: an interaction: "the call of 2026-11-16 (clients/x/log.yaml:3)";
    // the kind stays as written in the files.
    return trf("the {} of {} ({})", to_string(i.kind), say_date(i.date), place(i.at));
}

class Explainer {
  public:
    Explainer(const Client& c, const Config& cfg, const DueOptions& o, std::vector<DueItem> items)
        : c_(c), cfg_(cfg), o_(o), items_(std::move(items)) {}

    std::vector<RuleExplanation> run() {
        std::vector<RuleExplanation> out;
        for (std::size_t k = 0; k < EnumNames<ItemKind>::names.size(); ++k) {
            auto kind = static_cast<ItemKind>(k);
            RuleExplanation e{kind, {}};
            for (const auto& item : items_)
                if (item.kind == kind) e.findings.push_back(found(item));
            if (e.findings.empty())
                e.findings.push_back(
                    RuleFinding{false, why_none(kind), c_.at, false, std::nullopt});
            out.push_back(std::move(e));
        }
        return out;
    }

  private:
    RuleFinding found(const DueItem& item) const {
        bool lead = item.kind == ItemKind::renewal || item.kind == ItemKind::notice;
        bool listed = item.listed_from <= o_.as_of;
        Period warn = lead ? lead_of(item) : o_.horizon;
        // One whole sentence per case (word order differs in Russian).
        const char* sentence =
            lead ? (listed ? tr("{} is due {} ({}); listed from {} because its lead is {}: "
                                "listed now. {}")
                           : tr("{} is due {} ({}); listed from {} because its lead is {}: "
                                "not listed yet. {}"))
                 : (listed ? tr("{} is due {} ({}); listed from {} because its horizon is {}: "
                                "listed now. {}")
                           : tr("{} is due {} ({}); listed from {} because its horizon is {}: "
                                "not listed yet. {}"));
        std::string text =
            fmt::format(fmt::runtime(sentence), subject(item), say_date(item.due), relative(item),
                        say_date(item.listed_from), say_period(warn), basis(item));
        return RuleFinding{true, text, item.at, listed, item.due};
    }

    static std::string subject(const DueItem& item) {
        switch (item.kind) {
            case ItemKind::follow_up:
                return tr("the follow-up");
            case ItemKind::touch_base:
                return tr("touching base");
            case ItemKind::task:
                return trf("task '{}'", item.subject);
            case ItemKind::request:
                return trf("request '{}'", item.subject);
            case ItemKind::change:
                return trf("change '{}'", item.subject);
            case ItemKind::renewal:
                return trf("renewal of {}", item.subject);
            case ItemKind::notice:
                return trf("notice on {}", item.subject);
            case ItemKind::signature:
                return trf("signature of {}", item.subject);
            case ItemKind::invoice:
                return trf("the invoice for {}", item.subject);
            case ItemKind::payment:
                return trf("payment of invoice {}", item.subject);
            case ItemKind::report:
                return tr("the status report");
        }
        return "";
    }

    std::string relative(const DueItem& item) const {
        int days = days_until(item, o_.as_of);
        if (days == 0) return tr("today");
        auto n = static_cast<unsigned long>(std::abs(days));
        return days < 0 ? trnf("{} day ago", "{} days ago", n, n)
                        : trnf("in {} day", "in {} days", n, n);
    }

    Period lead_of(const DueItem& item) const {
        for (const auto& k : c_.contracts)
            if (k.id == item.subject) return k.lead;
        return o_.horizon;
    }

    // The dates the rule used, in words, with where they came from.
    std::string basis(const DueItem& item) const {
        const Interaction* last = latest_interaction(c_);
        switch (item.kind) {
            case ItemKind::follow_up:
                return trf("The latest interaction, {}, says next {}.", describe(*last),
                           say_date(*last->next));
            case ItemKind::touch_base:
                if (last)
                    return trf("The latest interaction is {}; cadence {}.", describe(*last),
                               say_period(*c_.cadence));
                return c_.since ? trf("No interaction yet: since {} plus cadence {}.",
                                      say_date(*c_.since), say_period(*c_.cadence))
                                : tr("No interaction and no 'since': due the as-of date.");
            case ItemKind::report: {
                const Interaction* r = latest_interaction(c_, InteractionKind::report);
                if (r)
                    return trf("From {}, every {} ({}).", describe(*r), say_period(*c_.reporting),
                               place(c_.reporting_at));
                return c_.since
                           ? trf("From {} (no report yet), every {} ({}).", say_date(*c_.since),
                                 say_period(*c_.reporting), place(c_.reporting_at))
                           : trf("From the as-of date (no report yet), every {} ({}).",
                                 say_period(*c_.reporting), place(c_.reporting_at));
            }
            case ItemKind::notice:
                return fmt::format("{} ({}).{}", item.title, place(item.at), moved(item));
            case ItemKind::request:
                for (const auto& r : c_.requests)
                    if (r.at == item.at) return request_basis(r);
                break;
            case ItemKind::change:
                for (const auto& x : c_.changes)
                    if (x.at == item.at) return change_basis(x);
                break;
            default:
                break;
        }
        return fmt::format("{} ({}).", item.title, place(item.at));
    }

    // Every outstanding step with its date and where its period came from.
    std::string request_basis(const Request& r) const {
        RequestSteps steps = request_steps(r, cfg_);
        std::vector<std::string> parts;
        for (const auto& s : steps.outstanding)
            parts.push_back(step_text(r, s));
        return trf("Asked {}, priority {} ({}). Outstanding: {}. The earliest is {}.",
                   say_date(r.date), to_string(r.priority), place(r.at), fmt::join(parts, "; "),
                   to_string(steps.item->step));
    }

    std::string step_text(const Request& r, const StepDate& s) const {
        std::string_view step = to_string(s.step);
        if (s.step == RequestStep::tell)
            return trf("tell {}: delivered {} and the client not told yet", say_date(s.due),
                       say_date(*r.done));
        if (!s.period)
            return trf("deliver {}: the date promised to the client (due)", say_date(s.due));
        std::string_view key = s.step == RequestStep::deliver ? "resolve" : step;
        std::string_view from = s.from_config ? "acct.yaml" : tr("default");
        if (s.unmoved != s.due)
            return trf("{} {}: {} + {} = {}, a day off, moved forward (sla {}.{}, {})", step,
                       say_date(s.due), say_date(r.date), say_counted_period(*s.period),
                       say_date(s.unmoved), to_string(r.priority), key, from);
        return trf("{} {}: {} + {} (sla {}.{}, {})", step, say_date(s.due), say_date(r.date),
                   say_counted_period(*s.period), to_string(r.priority), key, from);
    }

    std::string change_basis(const Change& x) const {
        if (x.status == ChangeStatus::sent)
            return trf("Sent {} ({}); chase after defaults.chase_after {}.", say_date(*x.sent),
                       place(x.at), say_period(cfg_.chase_after));
        return x.by == ChangeBy::client
                   ? trf("Raised by the client {} ({}); take it to the team within "
                         "defaults.change_send {}.",
                         say_date(x.date), place(x.at), say_period(cfg_.change_send))
                   : trf("Raised by the team {} ({}); take it to the client within "
                         "defaults.change_send {}.",
                         say_date(x.date), place(x.at), say_period(cfg_.change_send));
    }

    // " 30d before 2026-12-28 is Sat 2026-11-28, a day off: ..." when the
    // notice deadline moved back off days off, else "".
    std::string moved(const DueItem& item) const {
        for (const auto& k : c_.contracts) {
            if (k.id != item.subject || !k.end) continue;
            Date renews = next_renewal_end(*k.end, k.term, k.notice, o_.as_of);
            Date unmoved = subtract(renews, k.notice);
            if (unmoved == item.due) return "";
            return " " + trf("{} before {} is {}, a day off: moved back to {}, the last working "
                             "day before it.",
                             say_period(k.notice), say_date(renews), say_weekday_date(unmoved),
                             say_weekday_date(item.due));
        }
        return "";
    }

    std::string why_none(ItemKind kind) const {
        const Interaction* last = latest_interaction(c_);
        auto only = [&](std::initializer_list<ClientStatus> list) {
            return trf("no item: applies to {} clients; {} is {}", statuses(list), c_.id,
                       to_string(c_.status));
        };
        switch (kind) {
            case ItemKind::follow_up:
                if (!last) return tr("no item: no interaction logged");
                if (!last->next)
                    return trf("no item: the latest interaction, {}, sets no next date",
                               describe(*last));
                return only({ClientStatus::active, ClientStatus::prospect, ClientStatus::paused});
            case ItemKind::touch_base:
                if (c_.status != ClientStatus::active) return only({ClientStatus::active});
                if (!c_.cadence) return tr("no item: cadence is none");
                return trf(
                    "no item: the latest interaction, {}, has a next date, so "
                    "the follow-up stands in",
                    describe(*last));
            case ItemKind::task:
                return c_.tasks.empty()
                           ? tr("no item: no tasks")
                           : trnf("no item: its {} task is done", "no item: all {} tasks are done",
                                  c_.tasks.size(), c_.tasks.size());
            case ItemKind::request:
                if (!status_in(
                        c_, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
                    return only(
                        {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused});
                return c_.requests.empty()
                           ? tr("no item: no requests")
                           : tr("no item: every request is dropped, or done and told");
            case ItemKind::change:
                if (!status_in(
                        c_, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
                    return only(
                        {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused});
                return c_.changes.empty() ? tr("no item: no changes")
                                          : tr("no item: every change is decided");
            case ItemKind::renewal:
            case ItemKind::notice:
                if (!status_in(c_, {ClientStatus::active, ClientStatus::paused}))
                    return only({ClientStatus::active, ClientStatus::paused});
                return contracts_why(kind);
            case ItemKind::signature:
                if (!status_in(c_, {ClientStatus::active, ClientStatus::prospect}))
                    return only({ClientStatus::active, ClientStatus::prospect});
                return contracts_why(kind);
            case ItemKind::invoice:
                if (!status_in(c_,
                               {ClientStatus::active, ClientStatus::paused, ClientStatus::former}))
                    return only({ClientStatus::active, ClientStatus::paused, ClientStatus::former});
                return contracts_why(kind);
            case ItemKind::payment:
                return c_.invoices.empty() ? tr("no item: no invoices")
                                           : tr("no item: every invoice is paid or void");
            case ItemKind::report:
                if (c_.status != ClientStatus::active) return only({ClientStatus::active});
                return tr("no item: no 'reporting' period is set");
        }
        return "";
    }

    // Why no contract yields an item of this kind, contract by contract.
    std::string contracts_why(ItemKind kind) const {
        if (c_.contracts.empty()) return tr("no item: no contracts");
        std::vector<std::string> reasons;
        for (const auto& k : c_.contracts)
            reasons.push_back(fmt::format("{}: {}", k.id, contract_why(kind, k)));
        return trf("no item: {}", fmt::join(reasons, "; "));
    }

    std::string contract_why(ItemKind kind, const Contract& k) const {
        std::string status(to_string(k.status));
        switch (kind) {
            case ItemKind::renewal:
            case ItemKind::notice:
                if (k.status != ContractStatus::signed_) return trf("it is {}", status);
                if (!k.end) return tr("it has no end");
                if (k.renewed_by) return trf("renewed by {}", *k.renewed_by);
                return k.auto_renew ? tr("it renews by itself (see notice)")
                                    : tr("it does not renew by itself (see renewal)");
            case ItemKind::signature:
                if (k.status == ContractStatus::draft) return tr("a draft without a start date");
                if (k.status == ContractStatus::sent) return tr("sent without a 'sent' date");
                return trf("it is {}", status);
            case ItemKind::invoice:
                if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended)
                    return trf("it is {}", status);
                if (!k.billing.every) return tr("no billing schedule");
                return trf(
                    "every {} period up to {} is invoiced, or not expected "
                    "before billing.since",
                    to_string(*k.billing.every), say_date(add(o_.as_of, o_.horizon)));
            default:
                return "";
        }
    }

    const Client& c_;
    const Config& cfg_;
    const DueOptions& o_;
    std::vector<DueItem> items_;
};

}  // namespace

std::vector<RuleExplanation> explain_client(const Workspace& ws, const Client& c,
                                            const DueOptions& options) {
    std::vector<DueItem> mine;
    for (auto& item : all_items(ws, options))
        if (item.client == &c) mine.push_back(std::move(item));
    sort_items(mine);
    return Explainer(c, ws.config, options, std::move(mine)).run();
}

}  // namespace acctool
