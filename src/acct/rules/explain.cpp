#include "acct/rules/explain.h"

#include <algorithm>

#include <fmt/format.h>

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
    return fmt::format("the {} of {} ({})", to_string(i.kind), i.date, place(i.at));
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
        std::string text = fmt::format(
            "{} is due {} ({}); listed from {} because its {} is {}: {}. {}", subject(item),
            item.due, relative(item), item.listed_from, lead ? "lead" : "horizon", warn,
            listed ? "listed now" : "not listed yet", basis(item));
        return RuleFinding{true, text, item.at, listed, item.due};
    }

    static std::string subject(const DueItem& item) {
        switch (item.kind) {
            case ItemKind::follow_up:
                return "the follow-up";
            case ItemKind::touch_base:
                return "touching base";
            case ItemKind::task:
                return fmt::format("task '{}'", item.subject);
            case ItemKind::request:
                return fmt::format("request '{}'", item.subject);
            case ItemKind::change:
                return fmt::format("change '{}'", item.subject);
            case ItemKind::renewal:
                return fmt::format("renewal of {}", item.subject);
            case ItemKind::notice:
                return fmt::format("notice on {}", item.subject);
            case ItemKind::signature:
                return fmt::format("signature of {}", item.subject);
            case ItemKind::invoice:
                return fmt::format("the invoice for {}", item.subject);
            case ItemKind::payment:
                return fmt::format("payment of invoice {}", item.subject);
            case ItemKind::report:
                return "the status report";
        }
        return "";
    }

    std::string relative(const DueItem& item) const {
        int days = days_until(item, o_.as_of);
        if (days == 0) return "today";
        int n = std::abs(days);
        std::string unit = n == 1 ? "day" : "days";
        return days < 0 ? fmt::format("{} {} ago", n, unit) : fmt::format("in {} {}", n, unit);
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
                return fmt::format("The latest interaction, {}, says next {}.", describe(*last),
                                   *last->next);
            case ItemKind::touch_base:
                if (last)
                    return fmt::format("The latest interaction is {}; cadence {}.", describe(*last),
                                       *c_.cadence);
                return c_.since ? fmt::format("No interaction yet: since {} plus cadence {}.",
                                              *c_.since, *c_.cadence)
                                : "No interaction and no 'since': due the as-of date.";
            case ItemKind::report: {
                const Interaction* r = latest_interaction(c_, InteractionKind::report);
                std::string from = r          ? describe(*r)
                                   : c_.since ? fmt::format("since {} (no report yet)", *c_.since)
                                              : std::string("the as-of date (no report yet)");
                return fmt::format("From {}, every {} ({}).", from, *c_.reporting,
                                   place(c_.reporting_at));
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
        return fmt::format("Asked {}, priority {} ({}). Outstanding: {}. The earliest is {}.",
                           r.date, to_string(r.priority), place(r.at), fmt::join(parts, "; "),
                           to_string(steps.item->step));
    }

    std::string step_text(const Request& r, const StepDate& s) const {
        std::string_view step = to_string(s.step);
        if (s.step == RequestStep::tell)
            return fmt::format("tell {}: delivered {} and the client not told yet", s.due, *r.done);
        if (!s.period)
            return fmt::format("deliver {}: the date promised to the client (due)", s.due);
        std::string_view key = s.step == RequestStep::deliver ? "resolve" : step;
        std::string_view from = s.from_config ? "acct.yaml" : "default";
        if (s.unmoved != s.due)
            return fmt::format("{} {}: {} + {} = {}, a day off, moved forward (sla {}.{}, {})",
                               step, s.due, r.date, *s.period, s.unmoved, to_string(r.priority),
                               key, from);
        return fmt::format("{} {}: {} + {} (sla {}.{}, {})", step, s.due, r.date, *s.period,
                           to_string(r.priority), key, from);
    }

    std::string change_basis(const Change& x) const {
        if (x.status == ChangeStatus::sent)
            return fmt::format("Sent {} ({}); chase after defaults.chase_after {}.", *x.sent,
                               place(x.at), cfg_.chase_after);
        return x.by == ChangeBy::client
                   ? fmt::format(
                         "Raised by the client {} ({}); take it to the team within "
                         "defaults.change_send {}.",
                         x.date, place(x.at), cfg_.change_send)
                   : fmt::format(
                         "Raised by the team {} ({}); take it to the client within "
                         "defaults.change_send {}.",
                         x.date, place(x.at), cfg_.change_send);
    }

    // " 30d before 2026-12-28 is Sat 2026-11-28, a day off: ..." when the
    // notice deadline moved back off days off, else "".
    std::string moved(const DueItem& item) const {
        for (const auto& k : c_.contracts) {
            if (k.id != item.subject || !k.end) continue;
            Date renews = next_renewal_end(*k.end, k.term, k.notice, o_.as_of);
            Date unmoved = subtract(renews, k.notice);
            if (unmoved == item.due) return "";
            return fmt::format(
                " {} before {} is {} {}, a day off: moved back to {} {}, the last working day "
                "before it.",
                k.notice, renews, weekday_name(unmoved), unmoved, weekday_name(item.due), item.due);
        }
        return "";
    }

    std::string why_none(ItemKind kind) const {
        const Interaction* last = latest_interaction(c_);
        auto only = [&](std::initializer_list<ClientStatus> list) {
            return fmt::format("no item: applies to {} clients; {} is {}", statuses(list), c_.id,
                               to_string(c_.status));
        };
        switch (kind) {
            case ItemKind::follow_up:
                if (!last) return "no item: no interaction logged";
                if (!last->next)
                    return fmt::format("no item: the latest interaction, {}, sets no next date",
                                       describe(*last));
                return only({ClientStatus::active, ClientStatus::prospect, ClientStatus::paused});
            case ItemKind::touch_base:
                if (c_.status != ClientStatus::active) return only({ClientStatus::active});
                if (!c_.cadence) return "no item: cadence is none";
                return fmt::format(
                    "no item: the latest interaction, {}, has a next date, so "
                    "the follow-up stands in",
                    describe(*last));
            case ItemKind::task:
                return c_.tasks.empty()
                           ? "no item: no tasks"
                           : fmt::format("no item: all {} tasks are done", c_.tasks.size());
            case ItemKind::request:
                if (!status_in(
                        c_, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
                    return only(
                        {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused});
                return c_.requests.empty() ? "no item: no requests"
                                           : "no item: every request is dropped, or done and told";
            case ItemKind::change:
                if (!status_in(
                        c_, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
                    return only(
                        {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused});
                return c_.changes.empty() ? "no item: no changes"
                                          : "no item: every change is decided";
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
                return c_.invoices.empty() ? "no item: no invoices"
                                           : "no item: every invoice is paid or void";
            case ItemKind::report:
                if (c_.status != ClientStatus::active) return only({ClientStatus::active});
                return "no item: no 'reporting' period is set";
        }
        return "";
    }

    // Why no contract yields an item of this kind, contract by contract.
    std::string contracts_why(ItemKind kind) const {
        if (c_.contracts.empty()) return "no item: no contracts";
        std::vector<std::string> reasons;
        for (const auto& k : c_.contracts)
            reasons.push_back(fmt::format("{}: {}", k.id, contract_why(kind, k)));
        return fmt::format("no item: {}", fmt::join(reasons, "; "));
    }

    std::string contract_why(ItemKind kind, const Contract& k) const {
        std::string status(to_string(k.status));
        switch (kind) {
            case ItemKind::renewal:
            case ItemKind::notice:
                if (k.status != ContractStatus::signed_) return fmt::format("it is {}", status);
                if (!k.end) return "it has no end";
                if (k.renewed_by) return fmt::format("renewed by {}", *k.renewed_by);
                return k.auto_renew ? "it renews by itself (see notice)"
                                    : "it does not renew by itself (see renewal)";
            case ItemKind::signature:
                if (k.status == ContractStatus::draft) return "a draft without a start date";
                if (k.status == ContractStatus::sent) return "sent without a 'sent' date";
                return fmt::format("it is {}", status);
            case ItemKind::invoice:
                if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended)
                    return fmt::format("it is {}", status);
                if (!k.billing.every) return "no billing schedule";
                return fmt::format(
                    "every {} period up to {} is invoiced, or not expected "
                    "before billing.since",
                    to_string(*k.billing.every), add(o_.as_of, o_.horizon));
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
