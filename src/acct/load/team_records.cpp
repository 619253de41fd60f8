#include "acct/load/team_records.h"

#include <array>

#include "acct/lang/translate.h"
#include "acct/load/signed_decimal.h"

namespace acctool {

namespace {

constexpr std::array<std::string_view, 12> request_keys{"id",       "date", "title",   "from",
                                                        "priority", "to",   "acked",   "due",
                                                        "done",     "told", "dropped", "notes"};
constexpr std::array<std::string_view, 13> change_keys{
    "id",       "date",     "by",     "title", "contract", "request", "budget",
    "currency", "deadline", "status", "sent",  "decided",  "notes"};

// A warning at the record's first key when `later` comes before `earlier`.
void warn_order(const ReadContext& ctx, std::uint32_t pos, std::string_view what,
                std::string_view title, std::string_view later_key,
                const std::optional<Date>& later, std::string_view earlier_key,
                const std::optional<Date>& earlier) {
    if (!later || !earlier || !(*later < *earlier)) return;
    ctx.warn(pos, say("{} '{}': {} {} is before {} {}", what, title, later_key, *later, earlier_key,
                      *earlier));
}

}  // namespace

void read_request(const ReadContext& ctx, std::uint32_t item, FileRecords& out) {
    MapFields f(ctx, item, request_keys, tr("a request"), tr("the request is skipped"));
    RawRequest raw;
    Request& r = raw.request;
    r.at = ctx.source.locate(f.first_key_pos());
    const bool has_date = f.require("date"), has_title = f.require("title");
    bool complete = has_date && has_title;
    if (auto id = f.slug("id")) {
        r.id = *id;
        raw.id_pos = f.get("id")->pos;
        out.declared_requests.push_back(DeclaredContract{*id, raw.id_pos});
    }
    if (auto v = f.date("date")) r.date = *v;
    r.title = f.text("title").value_or("");
    r.from = f.text("from").value_or("");
    if (auto v = f.choice<Priority>("priority")) r.priority = *v;
    r.to = f.text("to");
    r.acked = f.date("acked");
    r.due = f.date("due");
    r.done = f.date("done");
    r.told = f.date("told");
    r.dropped = f.date("dropped");
    r.notes = f.text("notes").value_or("");
    if (!complete || f.bad()) return;
    const std::uint32_t first = f.first_key_pos();
    if (r.done && r.dropped) {
        ctx.error(first, say("request '{}' is both done and dropped; keep one (the "
                             "request is skipped)",
                             r.title));
        return;
    }
    if (r.told && !r.done) {
        ctx.warn(f.key_pos("told"),
                 say("request '{}' has 'told' but no 'done'; 'told' is ignored", r.title));
        r.told.reset();
    }
    warn_order(ctx, first, "request", r.title, "acked", r.acked, "date", r.date);
    warn_order(ctx, first, "request", r.title, "due", r.due, "date", r.date);
    warn_order(ctx, first, "request", r.title, "done", r.done, "date", r.date);
    warn_order(ctx, first, "request", r.title, "told", r.told, "done", r.done);
    out.requests.push_back(std::move(raw));
}

void read_change(const ReadContext& ctx, std::uint32_t item, FileRecords& out) {
    MapFields f(ctx, item, change_keys, tr("a change"), tr("the change is skipped"));
    RawChange raw;
    Change& x = raw.change;
    x.at = ctx.source.locate(f.first_key_pos());
    const bool has_date = f.require("date"), has_by = f.require("by"),
               has_title = f.require("title");
    bool complete = has_date && has_by && has_title;
    if (auto id = f.slug("id")) {
        x.id = *id;
        raw.id_pos = f.get("id")->pos;
    }
    if (auto v = f.date("date")) x.date = *v;
    if (auto v = f.choice<ChangeBy>("by")) x.by = *v;
    x.title = f.text("title").value_or("");
    if ((x.contract = f.slug("contract"))) raw.contract_pos = f.get("contract")->pos;
    if ((x.request = f.slug("request"))) raw.request_pos = f.get("request")->pos;
    if (const YamlNode* b = f.get("budget")) {
        if (auto s = f.text_scalar("budget", *b)) {
            auto d = parse_signed_decimal(*s);
            if (d) {
                raw.budget = *d;
                raw.budget_pos = b->pos;
            } else {
                f.fail(*b, "budget", d.error());
            }
        }
    }
    raw.currency = f.currency("currency");
    x.deadline = f.date("deadline");
    if (auto v = f.choice<ChangeStatus>("status")) x.status = *v;
    x.sent = f.date("sent");
    x.decided = f.date("decided");
    x.notes = f.text("notes").value_or("");
    if (!f.bad()) {
        if (x.status == ChangeStatus::sent && !x.sent) f.require("sent");
        bool decided = x.status != ChangeStatus::proposed && x.status != ChangeStatus::sent;
        if (decided && !x.decided) f.require("decided");
    }
    if (!complete || f.bad()) return;
    const std::uint32_t first = f.first_key_pos();
    warn_order(ctx, first, "change", x.title, "sent", x.sent, "date", x.date);
    warn_order(ctx, first, "change", x.title, "decided", x.decided, "sent", x.sent);
    if (x.decided && (x.status == ChangeStatus::proposed || x.status == ChangeStatus::sent))
        ctx.warn(first, say("change '{}' has a decided date but its status is {}; the "
                            "status decides",
                            x.title, to_string(x.status)));
    out.changes.push_back(std::move(raw));
}

}  // namespace acctool
