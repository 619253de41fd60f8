// acct renew: next term's contract, right after the old one in its file, and
// `renewal.renewed_by` on the old one, in one write: both or neither.
#include <algorithm>
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "acct/cli/editing.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/values.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/load/fields.h"
#include "acct/rules/renewal.h"

namespace acctool::cli {

namespace {

struct RenewOptions {
    std::string client, id;
    std::optional<std::string> new_id, start, end, amount, sent;
    WriteOptions write;
};

// `support-2026` → `support-2027`, `pilot-2` → `pilot-3`, else `ID-2`.
std::string next_id(const std::string& id) {
    std::size_t dash = id.rfind('-');
    std::string_view tail = dash == std::string::npos ? "" : std::string_view(id).substr(dash + 1);
    bool digits = !tail.empty() && tail.size() <= 6 &&
                  tail.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) return id + "-2";
    return fmt::format("{}-{}", id.substr(0, dash), std::stol(std::string(tail)) + 1);
}

// The old title with its year moved on as the id's was: `Support 2026` →
// `Support 2027`. Empty when there is no such year.
std::string next_title(const Contract& k, const std::string& new_id) {
    std::size_t dash = k.id.rfind('-');
    if (dash == std::string::npos || new_id.rfind(k.id.substr(0, dash + 1), 0) != 0) return {};
    std::string old_year = k.id.substr(dash + 1), new_year = new_id.substr(dash + 1);
    std::size_t at = k.title.rfind(old_year);
    if (old_year.size() != 4 || at == std::string::npos) return {};
    return k.title.substr(0, at) + new_year + k.title.substr(at + old_year.size());
}

// Whether [start, end] is a whole number of months, and how many.
std::optional<int> whole_months(Date start, Date end) {
    Date after = add_days(end, 1);
    int months = (static_cast<int>(after.year()) - static_cast<int>(start.year())) * 12 +
                 static_cast<int>(static_cast<unsigned>(after.month())) -
                 static_cast<int>(static_cast<unsigned>(start.month()));
    if (months > 0 && add_months(start, months) == after) return months;
    return std::nullopt;
}

// The same length as [start, end], from `from`.
Date same_length(Date start, Date end, Date from) {
    if (auto m = whole_months(start, end)) return add_days(add_months(from, *m), -1);
    return add_days(from, days_between(start, end));
}

YamlValue word(std::string_view s) {
    return YamlValue::word(s);
}

YamlValue renewal_of(const Contract& k, const Config& cfg) {
    YamlValue v = YamlValue::mapping();
    if (k.auto_renew) v.add("auto", word("true"));
    if (k.term != Period{1, PeriodUnit::year}) v.add("term", word(format_period(k.term)));
    if (k.notice != cfg.notice) v.add("notice", word(format_period(k.notice)));
    if (k.lead != cfg.renewal_lead) v.add("lead", word(format_period(k.lead)));
    return v;
}

YamlValue billing_of(const Contract& k, const Config& cfg) {
    YamlValue v = YamlValue::mapping();
    const Billing& b = k.billing;
    v.add("every", word(to_string(*b.every)));
    if (b.day != 1) v.add("day", word(b.day == 0 ? "last" : std::to_string(b.day)));
    if (b.when != BillingWhen::advance) v.add("when", word(to_string(b.when)));
    if (b.terms != cfg.terms) v.add("terms", word(format_period(b.terms)));
    return v;
}

Plan plan_renew(const LoadResult& loaded, const RenewOptions& o, Date as_of) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    auto picked = find_contract(c, o.id);
    if (auto* r = std::get_if<Refusal>(&picked)) return *r;
    const Contract& k = *std::get<const Contract*>(picked);
    auto usage = [](std::string m) { return Refusal{exit_code::usage, std::move(m)}; };

    if (k.renewed_by)
        return usage(trf("contract {} of {} is renewed already, by {}", k.id, c.id, *k.renewed_by));
    if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended)
        return usage(trf("contract {} of {} is {}; only a signed or ended contract is renewed",
                         k.id, c.id, to_string(k.status)));
    std::string id = o.new_id.value_or(next_id(k.id));
    if (!is_slug(id))
        return usage(
            trf("--id '{}' is not a valid id (a-z, 0-9, '.', '_', '-')", terminal_safe(id)));
    if (c.declared_contracts.count(id))
        return usage(trf("{} already has a contract '{}'; give another --id", c.id, id));

    // By default the new term starts the day after the old one ends (for an
    // auto-renewing contract, after its next end E) and lasts as long.
    std::optional<Date> old_end = k.end;
    if (old_end && k.auto_renew) old_end = next_renewal_end(*k.end, k.term, k.notice, as_of);
    std::optional<Date> start, end;
    auto when = [&](const std::optional<std::string>& text, std::string_view option,
                    std::optional<Date>& out) -> std::optional<Refusal> {
        if (!text) return std::nullopt;
        auto d = parse_when(*text, as_of);
        if (!d) return usage(fmt::format("{} {}", option, d.error()));
        out = *d;
        return std::nullopt;
    };
    std::optional<Date> sent;
    for (auto [text, option, out] :
         {std::tuple{&o.start, "--start", &start}, std::tuple{&o.end, "--end", &end},
          std::tuple{&o.sent, "--sent", &sent}})
        if (auto r = when(*text, option, *out)) return *r;
    if (!start) {
        if (!old_end) return usage(trf("contract {} of {} has no end; give --start", k.id, c.id));
        start = add_days(*old_end, 1);
    }
    if (!end && k.start && k.end) end = same_length(*k.start, *k.end, *start);
    if (end && *end < *start)
        return usage(trf("the new contract would end ({}) before it starts ({})", say_date(*end),
                         say_date(*start)));

    YamlValue item = YamlValue::mapping();
    item.add("id", word(id));
    if (std::string title = next_title(k, id); !title.empty())
        item.add("title", YamlValue::text(title));
    item.add("status", word(sent ? "sent" : "draft"));
    if (sent) item.add("sent", word(format_date(*sent)));
    item.add("start", word(format_date(*start)));
    if (end) item.add("end", word(format_date(*end)));
    if (YamlValue r = renewal_of(k, ws.config); !r.items.empty()) item.add("renewal", r);
    std::optional<Money> amount;
    if (k.value) {
        amount = k.value->amount;
        if (o.amount) {
            auto m = parse_money(*o.amount, k.value->amount.currency);
            if (!m) return usage(fmt::format("--amount {}", m.error()));
            amount = *m;
        }
        YamlValue v = YamlValue::mapping();
        v.add("amount", word(format_amount(*amount)));
        if (k.value->amount.currency.code != ws.config.currency.code)
            v.add("currency", word(k.value->amount.currency.code));
        v.add("per", word(to_string(k.value->per)));
        item.add("value", v);
    } else if (o.amount) {
        return usage(
            trf("contract {} of {} has no value; --amount needs one to follow", k.id, c.id));
    }
    if (k.billing.every) item.add("billing", billing_of(k, ws.config));

    auto opened = open_record(ws, "contracts", k.at);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const RecordInFile& rec = std::get<RecordInFile>(opened);
    EditableFile f{*rec.file.bytes, rec.file.doc};
    const YamlNode* list = map_get(f.doc, f.doc.node(f.doc.root), "contracts");
    const auto& items = list->items;
    std::size_t index =
        static_cast<std::size_t>(std::find(items.begin(), items.end(), rec.node) - items.begin());
    std::vector<Result<Edit>> edits;
    edits.push_back(set_value(f, rec.node, {"renewal", "renewed_by"}, word(id)));
    auto ins = insert_after_item(f, f.doc.index_of(list), index, item);
    if (ins)
        edits.push_back(as_edit(std::move(ins.value())));
    else
        edits.push_back(Failure{ins.error()});
    auto planned = plan_edits(rec, std::move(edits));
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    const ContractStatus status = sent ? ContractStatus::sent : ContractStatus::draft;
    w.reads_back = [=, cid = c.id, old = k.id](const Workspace& after) {
        const Client* ac = after.client(cid);
        if (!ac) return false;
        bool marked = false, added = false;
        for (const auto& n : ac->contracts) {
            if (n.id == old) marked = n.renewed_by == id;
            if (n.id == id)
                added = n.status == status && n.start == start && n.end == end && n.sent == sent &&
                        (!amount || (n.value && n.value->amount == *amount));
        }
        return marked && added;
    };
    w.done = end ? trf("Contract {} of {} renews {}: {} to {}, {}, in {}", id, c.id, k.id,
                       say_date(*start), say_date(*end), to_string(status), rec.file.rel)
                 : trf("Contract {} of {} renews {}: from {}, {}, in {}", id, c.id, k.id,
                       say_date(*start), to_string(status), rec.file.rel);
    w.commit_message = fmt::format("acct: renew {} of {} as {}", k.id, c.id, id);
    return w;
}

}  // namespace

Runner setup_renew(CLI::App& app) {
    auto o = std::make_shared<RenewOptions>();
    auto* cmd = app.add_subcommand(
        "renew", "Draft the contract that continues one, and mark the old one renewed");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("ID", o->id, "The contract to renew")->required();
    cmd->add_option("--id", o->new_id,
                    "The new contract's id (default: support-2026 → support-2027, else ID-2)");
    cmd->add_option("--start", o->start, "Its start (default: the day after the old one ends)");
    cmd->add_option("--end", o->end, "Its end (default: as long as the old one)");
    cmd->add_option("--amount", o->amount, "Its value's amount (default: the old one's)");
    cmd->add_option("--sent", o->sent, "Sent for signature on this date (default: a draft)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct renew romashka support-2026\n"
        "  acct renew acme hosting --id hosting-2027 --amount 330 --sent today");
    return [o](Session& s) {
        return perform_write(
            s, o->write, [&](const LoadResult& loaded) { return plan_renew(loaded, *o, s.as_of); });
    };
}

}  // namespace acctool::cli
