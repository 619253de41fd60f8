#include "acct/load/file_records.h"

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/billing_period.h"

#include <algorithm>
#include <array>

#include "acct/load/fields.h"
#include "acct/load/health_fields.h"
#include "acct/load/metric_records.h"
#include "acct/load/parse_memo.h"
#include "acct/load/team_records.h"
#include "acct/model/language.h"
#include "acct/model/utf8.h"

namespace acctool {

namespace {

// Each require() runs and reports its own missing field; all must hold.
bool all_present(std::initializer_list<bool> present) {
    return std::all_of(present.begin(), present.end(), [](bool b) { return b; });
}

using Kind = YamlNode::Kind;

constexpr std::array<std::string_view, 13> client_keys{
    "name", "status",   "owner", "team",  "since", "cadence", "reporting",
    "tags", "contacts", "notes", "until", "lang",  "health"};
constexpr std::array<std::string_view, 7> section_keys{
    "contracts", "invoices", "interactions", "tasks", "requests", "changes", "metrics"};
constexpr std::array<std::string_view, 20> client_file_keys{
    "name",     "status",   "owner", "team",      "since",    "cadence",      "reporting",
    "tags",     "contacts", "notes", "contracts", "invoices", "interactions", "tasks",
    "requests", "changes",  "until", "lang",      "health",   "metrics"};
constexpr std::array<std::string_view, 10> contract_keys{
    "id", "title", "status", "sent", "signed", "start", "end", "renewal", "value", "billing"};
constexpr std::array<std::string_view, 5> renewal_keys{"auto", "term", "notice", "lead",
                                                       "renewed_by"};
constexpr std::array<std::string_view, 3> value_keys{"amount", "currency", "per"};
constexpr std::array<std::string_view, 6> billing_keys{"every", "day",   "when",
                                                       "terms", "since", "on"};
constexpr std::array<std::string_view, 10> invoice_keys{"number",   "contract", "issued", "due",
                                                        "amount",   "currency", "period", "paid",
                                                        "payments", "status"};
constexpr std::array<std::string_view, 2> payment_keys{"date", "amount"};
constexpr std::array<std::string_view, 8> interaction_keys{"date",     "kind", "with", "summary",
                                                           "duration", "mood", "next", "todo"};
constexpr std::array<std::string_view, 4> task_keys{"title", "due", "done", "notes"};
constexpr std::array<std::string_view, 5> contact_keys{"name", "role", "email", "phone", "primary"};
constexpr std::array<std::string_view, 3> team_roles{"sales", "account", "project"};
constexpr std::array<std::string_view, 1> invoice_statuses{"void"};

class RecordFileReader {
  public:
    RecordFileReader(const ReadContext& ctx, FileRecords& out, const std::string& client_id,
                     const ReadOptions& options)
        : ctx_(ctx), out_(out), client_id_(client_id), options_(options) {}

    void read(std::uint32_t root) {
        const YamlNode& r = ctx_.node(root);
        if (r.kind != Kind::mapping) {
            ctx_.error(r.pos, say("expected a mapping of keys and values at the top of the "
                                  "file, found {} (the file is ignored)",
                                  describe(r)));
            return;
        }
        if (out_.client_file) {
            MapFields f(ctx_, root, client_file_keys, "client.yaml", "");
            read_client(f);
            read_sections(f);
        } else {
            // Client fields in another file are a common slip: say where they go.
            MapFields f(ctx_, root, section_keys, tr("a record file"), "", client_keys);
            for (std::size_t i = 0; i + 1 < r.items.size(); i += 2) {
                const YamlNode& k = ctx_.node(r.items[i]);
                if (k.kind == Kind::scalar &&
                    std::find(client_keys.begin(), client_keys.end(), k.value) != client_keys.end())
                    ctx_.warn(k.pos, say("'{}' belongs in client.yaml; ignored here", k.value));
            }
            read_sections(f);
        }
    }

  private:
    void read_client(MapFields& f) {
        Client& c = out_.client;
        c.id = client_id_;
        c.name = client_id_;
        c.owner = options_.config.owner;
        c.cadence = options_.config.cadence;
        c.at = ctx_.source.locate(f.first_key_pos());
        out_.client_pos = f.first_key_pos();
        c.reporting_at = ctx_.source.locate(f.key_pos("reporting"));
        // A bad client field is treated as absent: its default stays.
        f.set_consequence("the folder name is used");
        if (auto v = f.text("name")) c.name = *v;
        f.set_consequence(tr("the default applies"));
        if (auto v = f.choice<ClientStatus>("status")) c.status = *v;
        if (auto v = f.text("owner")) c.owner = *v;
        if (auto v = f.date("since")) c.since = *v;
        if (auto v = f.date("until")) c.until = *v;
        if (auto v = f.choice<Language>("lang")) c.lang = *v;
        // SPEC 2.7 and 7: such a client cannot be placed in time.
        if (c.status == ClientStatus::former && !c.until)
            ctx_.warn(f.first_key_pos(), say("former client '{}' has no 'until' date; it is left "
                                             "out of retention",
                                             c.id));
        if (const YamlNode* cad = f.get("cadence")) {
            if (cad->kind == Kind::scalar && cad->value == "none")
                c.cadence = std::nullopt;
            else if (auto v = f.period("cadence"))
                c.cadence = *v;
        }
        if (auto v = f.period("reporting")) c.reporting = *v;
        if (auto v = f.text("notes")) c.notes = *v;
        c.health = read_client_health(f);
        read_tags(f);
        read_team(f);
        read_contacts(f);
    }

    void read_tags(MapFields& m) {
        const YamlNode* t = m.get("tags");
        if (!t) return;
        if (t->kind != Kind::sequence) {
            ctx_.error(t->pos,
                       say("tags: expected a list, found {} (no tags apply)", describe(*t)));
            return;
        }
        for (std::uint32_t i : t->items) {
            const YamlNode& tag = ctx_.node(i);
            if (tag.kind == Kind::scalar)
                out_.client.tags.push_back(tag.value);
            else
                ctx_.error(tag.pos, say("tags: expected text, found {} (ignored)", describe(tag)));
        }
    }

    void read_team(MapFields& m) {
        const YamlNode* t = m.get("team");
        if (!t) return;
        if (t->kind != Kind::mapping) {
            ctx_.error(t->pos, say("team: expected a mapping of role to person, found {}; "
                                   "ignored",
                                   describe(*t)));
            return;
        }
        MapFields team(ctx_, ctx_.doc.index_of(t), team_roles, "team",
                       tr("the role is left empty"));
        for (std::string_view role : team_roles)
            if (auto person = team.text(role)) out_.client.team[std::string(role)] = *person;
    }

    void read_contacts(MapFields& m) {
        const YamlNode* list = m.get("contacts");
        if (!list) return;
        if (list->kind != Kind::sequence) {
            ctx_.error(list->pos,
                       say("contacts: expected a list, found {} (ignored)", describe(*list)));
            return;
        }
        for (std::uint32_t i : list->items) {
            if (!is_mapping(i, tr("a contact"), tr("ignored"))) continue;
            MapFields f(ctx_, i, contact_keys, tr("a contact"), tr("the contact is ignored"));
            Contact c;
            if (auto v = f.text("name")) c.name = *v;
            if (auto v = f.text("role")) c.role = *v;
            if (auto v = f.text("email")) c.email = *v;
            if (auto v = f.text("phone")) c.phone = *v;
            if (auto v = f.boolean("primary")) c.primary = *v;
            if (!f.bad()) out_.client.contacts.push_back(std::move(c));
        }
    }

    bool is_mapping(std::uint32_t i, std::string_view what, std::string_view consequence) {
        const YamlNode& n = ctx_.node(i);
        if (n.kind == Kind::mapping) return true;
        ctx_.error(n.pos, say("expected {} as a mapping of keys and values, found {} ({})", what,
                              describe(n), consequence));
        return false;
    }

    void read_sections(MapFields& f) {
        for (std::string_view section : section_keys) {
            const YamlNode* s = f.get(section);
            if (!s) continue;
            if (s->kind != Kind::sequence) {
                ctx_.error(s->pos, say("{}: expected a list, found {} (the section is ignored)",
                                       section, describe(*s)));
                continue;
            }
            for (std::uint32_t item : s->items) {
                if (section == "contracts") read_contract(item);
                if (section == "invoices") read_invoice(item);
                if (section == "interactions") read_interaction(item);
                if (section == "tasks") read_task(item);
                if (section == "requests" && is_mapping(item, tr("a request"), tr("skipped")))
                    read_request(ctx_, item, out_);
                if (section == "changes" && is_mapping(item, tr("a change"), tr("skipped")))
                    read_change(ctx_, item, out_);
                if (section == "metrics" && is_mapping(item, tr("a metric"), tr("skipped")))
                    read_metric(ctx_, item, out_);
            }
        }
    }

    // A nested mapping (renewal, value, billing) read by `read`; a non-mapping
    // makes the record bad.
    template <class F>
    void nested(MapFields& outer, std::string_view key, std::span<const std::string_view> keys,
                std::string_view consequence, F read) {
        const YamlNode* n = outer.get(key);
        if (!n) return;
        if (n->kind != Kind::mapping) {
            outer.fail(*n, key, words(say("expected a mapping, found {}", describe(*n))));
            return;
        }
        MapFields inner(ctx_, ctx_.doc.index_of(n), keys, key, std::string(consequence));
        read(inner);
        if (inner.bad()) outer.mark_bad();
    }

    void read_contract(std::uint32_t item) {
        if (!is_mapping(item, tr("a contract"), tr("skipped"))) return;
        const Config& cfg = options_.config;
        MapFields f(ctx_, item, contract_keys, tr("a contract"), tr("the contract is skipped"));
        RawContract raw;
        Contract& c = raw.contract;
        c.at = ctx_.source.locate(f.first_key_pos());
        c.notice = cfg.notice;
        c.lead = cfg.renewal_lead;
        c.billing.terms = cfg.terms;
        if (auto id = f.slug("id")) {
            c.id = *id;
            raw.id_pos = f.get("id")->pos;
            out_.declared.push_back(DeclaredContract{*id, raw.id_pos});
        } else if (!f.get("id")) {
            f.require("id");
        }
        c.title = f.text("title").value_or(c.id);
        if (auto v = f.choice<ContractStatus>("status")) c.status = *v;
        c.sent = f.date("sent");
        c.signed_on = f.date("signed");
        c.start = f.date("start");
        c.end = f.date("end");
        nested(f, "renewal", renewal_keys, tr("the contract is skipped"), [&](MapFields& r) {
            if (auto v = r.boolean("auto")) c.auto_renew = *v;
            if (auto v = r.period("term")) c.term = *v;
            if (auto v = r.period("notice")) c.notice = *v;
            if (auto v = r.period("lead")) c.lead = *v;
            if (auto v = r.slug("renewed_by")) {
                c.renewed_by = *v;
                raw.renewed_by_pos = r.get("renewed_by")->pos;
            }
        });
        nested(f, "value", value_keys, tr("the contract is skipped"), [&](MapFields& v) {
            Currency cur = v.currency("currency").value_or(cfg.currency);
            auto per = v.choice<Per>("per");
            auto amount = v.decimal("amount");
            bool has_amount = v.require("amount");
            bool has_per = v.require("per");
            if (!amount || !per || !has_amount || !has_per) return;
            auto money = to_money(*amount, cur);
            if (!money) {
                v.fail(*v.get("amount"), "amount", money.error());
                return;
            }
            c.value = Value{*money, *per};
        });
        nested(f, "billing", billing_keys, tr("the contract is skipped"), [&](MapFields& b) {
            c.billing.every = b.choice<BillingEvery>("every");
            if (const YamlNode* day = b.get("day")) read_billing_day(b, *day, c.billing);
            if (auto v = b.choice<BillingWhen>("when")) c.billing.when = *v;
            if (auto v = b.period("terms")) c.billing.terms = *v;
            c.billing.since = b.date("since");
            c.billing.on = b.date("on");
        });
        // Fields that the status makes necessary.
        if (!f.bad()) {
            if (c.status == ContractStatus::sent && !c.sent) f.require("sent");
            if ((c.status == ContractStatus::signed_ || c.status == ContractStatus::ended) &&
                !c.start)
                f.require("start");
            if (c.status == ContractStatus::ended && !c.end) f.require("end");
        }
        if (f.bad() || c.id.empty()) return;
        std::uint32_t first = f.first_key_pos();
        if (c.start && c.end && *c.end < *c.start)
            ctx_.warn(first, say("contract '{}' ends ({}) before it starts ({})", c.id,
                                 say_date(*c.end), say_date(*c.start)));
        if (c.status == ContractStatus::draft && (c.sent || c.signed_on))
            ctx_.warn(first, say("contract '{}' is a draft but has a {} date; the status "
                                 "decides",
                                 c.id, c.signed_on ? "signed" : "sent"));
        else if (c.status == ContractStatus::sent && c.signed_on)
            ctx_.warn(first, say("contract '{}' is marked sent but has a signed date; the "
                                 "status decides",
                                 c.id));
        if (c.status == ContractStatus::terminated && !c.end)
            ctx_.warn(first, say("contract '{}' is terminated but has no 'end' date; it "
                                 "counts as running on no day",
                                 c.id));
        out_.contracts.push_back(std::move(raw));
    }

    void read_billing_day(MapFields& b, const YamlNode& day, Billing& billing) {
        if (day.kind == Kind::scalar && day.value == "last") {
            billing.day = 0;
            return;
        }
        if (day.kind == Kind::scalar && !day.value.empty() && day.value.size() <= 2 &&
            std::all_of(day.value.begin(), day.value.end(),
                        [](char ch) { return ch >= '0' && ch <= '9'; })) {
            int d = std::stoi(day.value);
            if (d >= 1 && d <= 31) {
                billing.day = d;
                return;
            }
        }
        b.fail(day, "day",
               words(say("expected a day of the month from 1 to 31 or 'last', found "
                         "'{}'",
                         day.kind == Kind::scalar ? day.value : std::string(describe(day)))));
    }

    void read_invoice(std::uint32_t item) {
        if (!is_mapping(item, tr("an invoice"), tr("skipped"))) return;
        MapFields f(ctx_, item, invoice_keys, tr("an invoice"), tr("the invoice is skipped"));
        RawInvoice raw;
        Invoice& inv = raw.invoice;
        raw.first_key_pos = f.first_key_pos();
        inv.at = ctx_.source.locate(raw.first_key_pos);
        bool complete =
            all_present({f.require("number"), f.require("issued"), f.require("amount")});
        if (auto v = f.text("number")) {
            inv.number = *v;
            raw.number_pos = f.get("number")->pos;
        }
        if (auto v = f.slug("contract")) {
            inv.contract = *v;
            raw.contract_pos = f.get("contract")->pos;
        }
        if (auto v = f.date("issued")) inv.issued = *v;
        raw.due = f.date("due");
        if (auto v = f.decimal("amount")) {
            raw.amount = *v;
            raw.amount_pos = f.get("amount")->pos;
        }
        raw.currency = f.currency("currency");
        if (const YamlNode* p = f.get("period")) {
            if (auto s = f.text_scalar("period", *p)) {
                if (invoice_period_kind(*s))
                    inv.period = *s;
                else
                    f.fail(*p, "period",
                           words(say("expected YYYY-MM, YYYY-Qn, YYYY or once, found '{}'", *s)));
            }
        }
        inv.paid = f.date("paid");
        if (const YamlNode* st = f.get("status")) {
            if (auto s = f.text_scalar("status", *st)) {
                if (*s == "void")
                    inv.is_void = true;
                else if (auto near = closest(*s, invoice_statuses))
                    f.fail(*st, "status",
                           words(say("unknown value '{}'; did you mean 'void'?", *s)));
                else
                    f.fail(*st, "status",
                           words(say("unknown value '{}'; the only status is 'void' "
                                     "(leave it out otherwise)",
                                     *s)));
            }
        }
        read_payments(f, raw);
        if (!complete || f.bad()) return;
        out_.invoices.push_back(std::move(raw));
    }

    void read_payments(MapFields& f, RawInvoice& raw) {
        const YamlNode* list = f.get("payments");
        if (!list) return;
        if (list->kind != Kind::sequence) {
            f.fail(*list, "payments", words(say("expected a list, found {}", describe(*list))));
            return;
        }
        for (std::uint32_t i : list->items) {
            if (ctx_.node(i).kind != Kind::mapping) {
                f.fail(ctx_.node(i), "payments",
                       words(say("expected a payment as {{date, amount}}, found {}",
                                 describe(ctx_.node(i)))));
                continue;
            }
            MapFields p(ctx_, i, payment_keys, tr("a payment"), tr("the invoice is skipped"));
            RawPayment pay;
            bool complete = all_present({p.require("date"), p.require("amount")});
            if (auto d = p.date("date")) pay.date = *d;
            if (auto a = p.decimal("amount")) {
                pay.amount = *a;
                pay.amount_pos = p.get("amount")->pos;
            }
            if (!complete || p.bad()) {
                f.mark_bad();
                continue;
            }
            raw.payments.push_back(pay);
        }
    }

    void read_interaction(std::uint32_t item) {
        if (!is_mapping(item, tr("an interaction"), tr("skipped"))) return;
        MapFields f(ctx_, item, interaction_keys, tr("an interaction"),
                    tr("the interaction is skipped"));
        Interaction x;
        x.at = ctx_.source.locate(f.first_key_pos());
        bool complete = all_present({f.require("date"), f.require("kind")});
        if (auto v = f.date("date")) x.date = *v;
        if (auto v = f.choice<InteractionKind>("kind")) x.kind = *v;
        x.with = f.text("with").value_or("");
        x.summary = f.text("summary").value_or("");
        x.minutes = f.duration("duration");
        x.mood = f.choice<Mood>("mood");
        x.next = f.date("next");
        x.todo = f.text("todo").value_or("");
        if (!complete || f.bad()) return;
        // Checked against the as-of date after reading (as_of_checks.h).
        out_.interaction_date_pos.push_back(f.get("date")->pos);
        out_.interactions.push_back(std::move(x));
    }

    void read_task(std::uint32_t item) {
        if (!is_mapping(item, tr("a task"), tr("skipped"))) return;
        MapFields f(ctx_, item, task_keys, tr("a task"), tr("the task is skipped"));
        Task t;
        t.at = ctx_.source.locate(f.first_key_pos());
        bool complete = all_present({f.require("title"), f.require("due")});
        t.title = f.text("title").value_or("");
        if (auto v = f.date("due")) t.due = *v;
        t.done = f.date("done");
        t.notes = f.text("notes").value_or("");
        if (!complete || f.bad()) return;
        out_.tasks.push_back(std::move(t));
    }

    const ReadContext& ctx_;
    FileRecords& out_;
    const std::string& client_id_;
    const ReadOptions& options_;
};

}  // namespace

std::optional<YamlDocument> parse_file(const SourceText& source, std::vector<Diagnostic>& out,
                                       ParseMemo* memo) {
    std::string_view text = source.text();
    if (text.size() > max_record_file_bytes) {
        out.push_back(source.diagnose(
            Severity::error, 0,
            say("the file is larger than {} MiB; it is ignored", max_record_file_bytes >> 20)));
        return std::nullopt;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        out.push_back(source.diagnose(Severity::error, static_cast<std::uint32_t>(nul),
                                      say("a NUL byte (the file is ignored)")));
        return std::nullopt;
    }
    if (auto bad = find_invalid_utf8(text)) {
        out.push_back(
            source.diagnose(Severity::error, static_cast<std::uint32_t>(*bad),
                            say("invalid UTF-8 (byte 0x{}); save the file as UTF-8; it is ignored",
                                fmt::format("{:02X}", static_cast<unsigned char>(text[*bad])))));
        return std::nullopt;
    }
    YamlParse parsed = memo ? memo->parse(text) : parse_yaml(text);
    if (!parsed.document) {
        out.push_back(source.diagnose(Severity::error, parsed.error.pos,
                                      say("{} (the file is ignored)", parsed.error.message)));
        return std::nullopt;
    }
    return std::move(parsed.document);
}

FileRecords read_record_file(std::shared_ptr<const SourceText> source, bool client_file,
                             const std::string& client_id, const ReadOptions& options) {
    FileRecords out;
    out.source = source;
    out.client_file = client_file;
    out.client.id = client_id;
    out.client.name = client_id;
    out.client.owner = options.config.owner;
    out.client.cadence = options.config.cadence;
    out.client.at = source->locate(0);
    out.client.reporting_at = out.client.at;
    auto doc = parse_file(*source, out.diagnostics, options.parses);
    out.parsed = doc.has_value();
    if (!doc || doc->empty) return out;
    ReadContext ctx{*source, *doc, out.diagnostics};
    RecordFileReader(ctx, out, client_id, options).read(doc->root);
    // What a command that loads no interactions still needs of them.
    for (const auto& x : out.interactions) {
        out.interaction_days.push_back(
            static_cast<std::int32_t>(std::chrono::sys_days(x.date).time_since_epoch().count()));
        if (!out.last_interaction || x.date >= out.last_interaction->date) out.last_interaction = x;
        if (x.kind == InteractionKind::report &&
            (!out.last_report || x.date >= out.last_report->date))
            out.last_report = x;
    }
    return out;
}

}  // namespace acctool
