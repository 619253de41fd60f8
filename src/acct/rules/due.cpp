#include "acct/rules/due.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/billing_period.h"
#include "acct/os/parallel.h"
#include "acct/rules/calendar.h"
#include "acct/rules/renewal.h"
#include "acct/rules/request_steps.h"

namespace acctool {

namespace {

// One message per kind: the noun takes its own case in other languages.
std::string follow_up_title(const Interaction& last) {
    std::string date = say_date(last.date);
    switch (last.kind) {
        case InteractionKind::call:
            return trf("Follow up on the call of {}", date);
        case InteractionKind::email:
            return trf("Follow up on the email of {}", date);
        case InteractionKind::meeting:
            return trf("Follow up on the meeting of {}", date);
        case InteractionKind::message:
            return trf("Follow up on the message of {}", date);
        case InteractionKind::report:
            return trf("Follow up on the report of {}", date);
        case InteractionKind::note:
            return trf("Follow up on the note of {}", date);
    }
    return trf("Follow up on the note of {}", date);
}

bool status_in(const Client& c, std::initializer_list<ClientStatus> statuses) {
    return std::find(statuses.begin(), statuses.end(), c.status) != statuses.end();
}

class ItemCollector {
  public:
    ItemCollector(const Workspace& ws, const DueOptions& o, std::vector<DueItem>& out)
        : cfg_(ws.config), opt_(o), out_(out) {}

    void client(const Client& c) {
        follow_up_and_touch_base(c);
        tasks(c);
        requests(c);
        changes(c);
        for (const auto& k : c.contracts) {
            renewal_and_notice(c, k);
            signature(c, k);
            invoices(c, k);
        }
        payments(c);
        report(c);
    }

  private:
    DueItem& emit(const Client& c, ItemKind kind, Date due, Period warn, std::string subject,
                  std::string title, const SourceLocation& at) {
        DueItem item;
        item.client = &c;
        item.kind = kind;
        item.due = due;
        item.listed_from = subtract(due, warn);
        item.subject = std::move(subject);
        item.title = std::move(title);
        item.at = at;
        out_.push_back(std::move(item));
        return out_.back();
    }

    void follow_up_and_touch_base(const Client& c) {
        const Interaction* last = latest_interaction(c);
        if (last && last->next) {
            if (!status_in(c, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
                return;
            std::string title =
                last->todo.empty() ? follow_up_title(*last) : trf("Follow up: {}", last->todo);
            emit(c, ItemKind::follow_up, *last->next, opt_.horizon, format_date(last->date),
                 std::move(title), last->at);
            return;
        }
        if (c.status != ClientStatus::active || !c.cadence) return;
        if (last)
            emit(c, ItemKind::touch_base, add(last->date, *c.cadence), opt_.horizon,
                 format_date(last->date),
                 trf("Get in touch: last contact {}, cadence {}", say_date(last->date),
                     say_period(*c.cadence)),
                 last->at);
        else if (c.since)
            emit(c, ItemKind::touch_base, add(*c.since, *c.cadence), opt_.horizon, "",
                 trf("Get in touch: no contact logged since {}", say_date(*c.since)), c.at);
        else
            emit(c, ItemKind::touch_base, opt_.as_of, opt_.horizon, "",
                 tr("Get in touch: no contact logged yet"), c.at);
    }

    void tasks(const Client& c) {
        for (const auto& t : c.tasks)
            if (!t.done) emit(c, ItemKind::task, t.due, opt_.horizon, t.title, t.title, t.at);
    }

    void requests(const Client& c) {
        if (!status_in(c, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
            return;
        for (const auto& r : c.requests) {
            RequestSteps steps = request_steps(r, cfg_);
            if (!steps.item) continue;
            DueItem& item = emit(c, ItemKind::request, steps.item->due, opt_.horizon, r.title,
                                 request_title(r, *steps.item), r.at);
            item.to = r.to;
        }
    }

    static std::string request_title(const Request& r, const StepDate& s) {
        switch (s.step) {
            case RequestStep::ack:
                return trf("Confirm to the client that '{}' was received (asked {})", r.title,
                           say_date(r.date));
            case RequestStep::handoff:
                return trf("Hand '{}' over to someone in the team (asked {})", r.title,
                           say_date(r.date));
            case RequestStep::deliver:
                if (r.due && r.to)
                    return trf("Deliver '{}' (with {}), promised for {}", r.title, *r.to,
                               say_date(*r.due));
                if (r.due) return trf("Deliver '{}', promised for {}", r.title, say_date(*r.due));
                if (r.to)
                    return trf("Deliver '{}' (with {}) within the SLA of {}", r.title, *r.to,
                               say_period(*s.period));
                return trf("Deliver '{}' within the SLA of {}", r.title, say_period(*s.period));
            case RequestStep::tell:
                return trf("Tell the client that '{}' is done (delivered {})", r.title,
                           say_date(*r.done));
        }
        return r.title;
    }

    void changes(const Client& c) {
        if (!status_in(c, {ClientStatus::active, ClientStatus::prospect, ClientStatus::paused}))
            return;
        for (const auto& x : c.changes) {
            if (x.status == ChangeStatus::proposed)
                emit(c, ItemKind::change, add(x.date, cfg_.change_send), opt_.horizon, x.title,
                     x.by == ChangeBy::client
                         ? trf("Take the change '{}' to the team (raised {})", x.title,
                               say_date(x.date))
                         : trf("Take the change '{}' to the client (raised {})", x.title,
                               say_date(x.date)),
                     x.at);
            else if (x.status == ChangeStatus::sent && x.sent)
                emit(c, ItemKind::change, add(*x.sent, cfg_.chase_after), opt_.horizon, x.title,
                     trf("Chase a decision on the change '{}' (sent {})", x.title,
                         say_date(*x.sent)),
                     x.at);
        }
    }

    void renewal_and_notice(const Client& c, const Contract& k) {
        if (!status_in(c, {ClientStatus::active, ClientStatus::paused})) return;
        if (k.status != ContractStatus::signed_ || !k.end || k.renewed_by) return;
        if (!k.auto_renew) {
            emit(c, ItemKind::renewal, *k.end, k.lead, k.id,
                 trf("Contract {} ends {}: renew it or let it end", k.id, say_date(*k.end)), k.at);
            return;
        }
        Date renews = next_renewal_end(*k.end, k.term, k.notice, opt_.as_of);
        Date deadline = move_off_days_off(subtract(renews, k.notice), cfg_, Direction::back);
        emit(c, ItemKind::notice, deadline, k.lead, k.id,
             trf("Last day to give notice on {} ({} before {}), or it renews for {}", k.id,
                 say_period(k.notice), say_date(renews), say_period(k.term)),
             k.at);
    }

    void signature(const Client& c, const Contract& k) {
        if (!status_in(c, {ClientStatus::active, ClientStatus::prospect})) return;
        if (k.status == ContractStatus::draft && k.start)
            emit(c, ItemKind::signature, subtract(*k.start, cfg_.send_before), opt_.horizon, k.id,
                 trf("Send {} for signature (it starts {})", k.id, say_date(*k.start)), k.at);
        else if (k.status == ContractStatus::sent && k.sent)
            emit(c, ItemKind::signature, add(*k.sent, cfg_.chase_after), opt_.horizon, k.id,
                 trf("Chase the signature of {} (sent {})", k.id, say_date(*k.sent)), k.at);
    }

    void invoices(const Client& c, const Contract& k) {
        if (!status_in(c, {ClientStatus::active, ClientStatus::paused, ClientStatus::former}))
            return;
        if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended) return;
        if (!k.billing.every || !k.start) return;
        const Date start = *k.start;
        const Date since = k.billing.since.value_or(start);
        // The periods invoiced, sorted: a contract has a few dozen.
        std::vector<std::string_view> invoiced;
        for (const auto& inv : c.invoices)
            if (!inv.is_void && inv.contract == k.id) invoiced.push_back(inv.period);
        std::sort(invoiced.begin(), invoiced.end());
        const bool any_invoice = !invoiced.empty();

        if (*k.billing.every == BillingEvery::once) {
            Date on = std::max(k.billing.on.value_or(start), start);
            if (on < since || any_invoice) return;
            DueItem& item = emit(c, ItemKind::invoice, on, opt_.horizon, k.id + "/once",
                                 trf("Issue the invoice for {}", k.id), k.at);
            item.amount = invoice_amount(k, 0);
            return;
        }

        const bool open_ended =
            !k.end || (k.status == ContractStatus::signed_ && k.auto_renew && !k.renewed_by);
        const Date last = k.end.value_or(start);
        bool yielded_unlisted = false;
        for (BillingPeriod p = BillingPeriod::containing(start, *k.billing.every);
             open_ended || p.first_day() <= last; p = p.next()) {
            Date month_of_issue =
                k.billing.when == BillingWhen::arrears ? p.next().first_day() : p.first_day();
            Date issue = billing_day(month_of_issue, k.billing.day);
            issue = std::max(issue, start);
            // A schedule without end yields its periods up to the first one
            // that cannot be listed yet: the next item due, never endless.
            const bool unlisted = subtract(issue, opt_.horizon) > opt_.as_of;
            if (open_ended && unlisted && yielded_unlisted) break;
            if (issue < since) continue;
            const std::string label = p.label();
            if (std::binary_search(invoiced.begin(), invoiced.end(), label)) continue;
            DueItem& item =
                emit(c, ItemKind::invoice, issue, opt_.horizon, fmt::format("{}/{}", k.id, label),
                     trf("Issue the invoice for {}, {}", k.id, label), k.at);
            item.amount = invoice_amount(k, p.months());
            yielded_unlisted = yielded_unlisted || unlisted;
        }
    }

    static Date billing_day(Date first_of_month, int day) {
        Date last = last_day_of_month(first_of_month.year(), first_of_month.month());
        if (day == 0 || static_cast<unsigned>(day) > static_cast<unsigned>(last.day())) return last;
        return Date{first_of_month.year(), first_of_month.month(),
                    std::chrono::day{static_cast<unsigned>(day)}};
    }

    void payments(const Client& c) {
        for (const auto& inv : c.invoices) {
            if (inv.is_void) continue;
            Money balance = inv.balance();
            if (balance.minor <= 0) continue;
            DueItem& item = emit(
                c, ItemKind::payment, inv.due, opt_.horizon, inv.number,
                trf("Invoice {} unpaid: {} outstanding", inv.number, say_money(balance)), inv.at);
            item.amount = balance;
        }
    }

    void report(const Client& c) {
        if (c.status != ClientStatus::active || !c.reporting) return;
        const Interaction* last = latest_interaction(c, InteractionKind::report);
        Date base = last ? last->date : c.since.value_or(opt_.as_of);
        std::string title = last ? trf("Send a status report (last one {}, every {})",
                                       say_date(last->date), say_period(*c.reporting))
                                 : trf("Send a status report (none logged yet, every {})",
                                       say_period(*c.reporting));
        emit(c, ItemKind::report, add(base, *c.reporting), opt_.horizon, "", std::move(title),
             last ? last->at : c.reporting_at);
    }

    const Config& cfg_;
    const DueOptions& opt_;
    std::vector<DueItem>& out_;
};

}  // namespace

const Interaction* latest_interaction(const Client& c, std::optional<InteractionKind> kind) {
    // Kept by loading, which may not have loaded the rest.
    if (!kind) return c.last_interaction ? &*c.last_interaction : nullptr;
    if (*kind == InteractionKind::report) return c.last_report ? &*c.last_report : nullptr;
    const Interaction* best = nullptr;
    for (const auto& x : c.interactions)
        if ((!kind || x.kind == *kind) && (!best || x.date >= best->date)) best = &x;
    return best;
}

std::optional<Money> invoice_amount(const Contract& k, int months) {
    if (!k.value) return std::nullopt;
    if (months == 0)
        return k.value->per == Per::once ? std::optional(k.value->amount) : std::nullopt;
    if (k.value->per == Per::once) return std::nullopt;
    int per_months = k.value->per == Per::quarter ? 3 : k.value->per == Per::year ? 12 : 1;
    return scale(k.value->amount, months, per_months);
}

namespace {

// Each client on any core, its items apart, then all in the clients' order;
// with `listed_only`, the items not listed yet are dropped before sorting.
std::vector<DueItem> collect_items(const Workspace& ws, const DueOptions& options,
                                   bool listed_only) {
    std::vector<std::vector<DueItem>> each(ws.clients.size());
    parallel_for(ws.clients.size(), [&](std::size_t i) {
        ItemCollector(ws, options, each[i]).client(ws.clients[i]);
        if (listed_only)
            std::erase_if(each[i], [&](const DueItem& x) { return x.listed_from > options.as_of; });
    });
    std::size_t n = 0;
    for (const auto& items : each)
        n += items.size();
    std::vector<DueItem> out;
    out.reserve(n);
    for (auto& items : each)
        std::move(items.begin(), items.end(), std::back_inserter(out));
    sort_items(out);
    return out;
}

}  // namespace

std::vector<DueItem> all_items(const Workspace& ws, const DueOptions& options) {
    return collect_items(ws, options, false);
}

std::vector<DueItem> find_due(const Workspace& ws, const DueOptions& options) {
    return collect_items(ws, options, true);
}

ItemStatus status_of(const DueItem& item, Date as_of) {
    if (item.due < as_of) return ItemStatus::overdue;
    if (item.due == as_of) return ItemStatus::today;
    return ItemStatus::upcoming;
}

int days_until(const DueItem& item, Date as_of) {
    return days_between(as_of, item.due);
}

void sort_items(std::vector<DueItem>& items) {
    // Their places are sorted, and each item moved once: an item is 200 bytes.
    std::vector<DueItem*> order(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        order[i] = &items[i];
    std::stable_sort(order.begin(), order.end(), [](const DueItem* a, const DueItem* b) {
        return std::tie(a->due, a->client->id, a->kind, a->subject, a->at.file, a->at.line) <
               std::tie(b->due, b->client->id, b->kind, b->subject, b->at.file, b->at.line);
    });
    std::vector<DueItem> sorted;
    sorted.reserve(items.size());
    for (DueItem* item : order)
        sorted.push_back(std::move(*item));
    items = std::move(sorted);
}

}  // namespace acctool
