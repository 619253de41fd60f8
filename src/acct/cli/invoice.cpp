// acct invoice / acct paid: issue an invoice for a contract's period, record
// a payment against one.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/editing.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/billing_period.h"
#include "acct/rules/due.h"

namespace acctool::cli {

namespace {

struct InvoiceOptions {
    std::string client, contract;
    std::optional<std::string> period, number, amount, issued;
    bool force = false;
    WriteOptions write;
};

struct VoidOptions {
    std::string number;
    WriteOptions write;
};

struct PaidOptions {
    std::string number;
    std::optional<std::string> date, amount;
    WriteOptions write;
};

const Invoice* invoice_numbered(const Workspace& ws, std::string_view number,
                                const Client** owner = nullptr) {
    for (const auto& c : ws.clients)
        for (const auto& inv : c.invoices)
            if (inv.number == number) {
                if (owner) *owner = &c;
                return &inv;
            }
    return nullptr;
}

// The invoice NUMBER names, with its client, or a refusal (66).
std::variant<const Invoice*, Refusal> find_invoice(const Workspace& ws, std::string_view number,
                                                   const Client*& client) {
    if (const Invoice* inv = invoice_numbered(ws, number, &client)) return inv;
    return Refusal{exit_code::no_input, trf("no invoice numbered '{}'", terminal_safe(number))};
}

// The number after the last one issued: its prefix and zero padding kept
// (2026-011 -> 2026-012), past any number already taken.
Result<std::string> next_invoice_number(const Workspace& ws, Date issued) {
    const Invoice* latest = nullptr;
    for (const auto& c : ws.clients)
        for (const auto& inv : c.invoices)
            if (!latest ||
                std::tie(inv.issued, inv.number) > std::tie(latest->issued, latest->number))
                latest = &inv;
    if (!latest) return fmt::format("{}-001", static_cast<int>(issued.year()));
    auto split = [](std::string_view n) {
        std::size_t k = n.find_last_not_of("0123456789") + 1;  // npos + 1 == 0
        return std::pair{n.substr(0, k), n.substr(k)};
    };
    auto [prefix, digits] = split(latest->number);
    if (digits.empty() || digits.size() > 18)
        return Failure{
            trf("the last invoice number '{}' does not end in a number; give "
                "--number",
                terminal_safe(latest->number))};
    std::size_t width = digits.size();
    long long top = 0;
    for (const auto& c : ws.clients)
        for (const auto& inv : c.invoices) {
            auto [p, d] = split(inv.number);
            if (p != prefix || d.empty() || d.size() > 18) continue;
            width = std::max(width, d.size());
            top = std::max(top, std::stoll(std::string(d)));
        }
    std::string number;
    do {
        number = fmt::format("{}{:0{}}", prefix, ++top, width);
    } while (invoice_numbered(ws, number));
    return number;
}

// Why an invoice for contract `k` is most likely a mistake, if it is.
std::optional<std::string> not_billable(const Client& c, const Contract& k) {
    if (c.status == ClientStatus::prospect)
        return fmt::format(
            "{} is a prospect, not a client yet; make it one first (acct status "
            "{} active), or give --force",
            c.id, c.id);
    if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended)
        return fmt::format(
            "contract {} of {} is {}, not signed; record the signature first "
            "(acct contract {} {} signed), or give --force",
            k.id, c.id, to_string(k.status), c.id, k.id);
    return std::nullopt;
}

// The period the user most likely means: the earliest one not invoiced yet,
// as `due` lists it or will within a year, else the one holding the issue
// date.
std::string default_period(const Workspace& ws, const Client& c, const Contract& k, Date issued,
                           Date as_of) {
    std::string first;
    Date first_due = as_of;
    for (const auto& item : all_items(ws, DueOptions{as_of, Period{1, PeriodUnit::year}}))
        if (item.client == &c && item.kind == ItemKind::invoice && item.listed_from <= as_of &&
            item.subject.starts_with(k.id + "/") && (first.empty() || item.due < first_due)) {
            first = item.subject.substr(k.id.size() + 1);
            first_due = item.due;
        }
    return first.empty() ? default_invoice_period(issued, &k) : first;
}

Plan plan_invoice(const LoadResult& loaded, const InvoiceOptions& o, Date as_of) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    auto picked = find_contract(c, o.contract);
    if (auto* r = std::get_if<Refusal>(&picked)) return *r;
    const Contract& k = *std::get<const Contract*>(picked);
    if (auto why = not_billable(c, k); why && !o.force) return Refusal{exit_code::usage, *why};
    const Currency currency = k.value ? k.value->amount.currency : ws.config.currency;

    auto issued_on = parse_date_option("--issued", o.issued, as_of);
    if (!issued_on) return Refusal{exit_code::usage, issued_on.error()};
    const Date issued = *issued_on;
    std::string period = o.period.value_or(default_period(ws, c, k, issued, as_of));
    auto kind = invoice_period_kind(period);
    if (!kind)
        return Refusal{exit_code::usage, trf("--period '{}' is not YYYY-MM, YYYY-Qn, YYYY or once",
                                             terminal_safe(period))};
    if (k.billing.every && *kind != *k.billing.every)
        return Refusal{exit_code::usage,
                       trf("--period '{}': {} bills every {}, so the period looks like "
                           "'{}'",
                           terminal_safe(period), k.id, to_string(*k.billing.every),
                           default_invoice_period(issued, &k))};
    for (const auto& inv : c.invoices)
        if (!inv.is_void && inv.contract == k.id && inv.period == period)
            return Refusal{exit_code::usage,
                           trf("invoice {} already covers {}/{} ({}:{}); give another "
                               "--period",
                               terminal_safe(inv.number), k.id, period, inv.at.file, inv.at.line)};

    std::string number;
    if (o.number) {
        auto n = parse_text(*o.number, "--number");
        if (!n) return Refusal{exit_code::usage, n.error()};
        if (const Invoice* taken = invoice_numbered(ws, *n))
            return Refusal{exit_code::usage,
                           trf("invoice number '{}' is taken ({}:{})", terminal_safe(*n),
                               taken->at.file, taken->at.line)};
        number = *n;
    } else {
        auto n = next_invoice_number(ws, issued);
        if (!n) return Refusal{exit_code::usage, n.error()};
        number = *n;
    }

    std::optional<Money> amount;
    if (o.amount) {
        auto m = parse_money(*o.amount, currency);
        if (!m) return Refusal{exit_code::usage, fmt::format("--amount {}", m.error())};
        amount = *m;
    } else {
        amount = invoice_amount(k, *kind == BillingEvery::once ? 0 : BillingPeriod{*kind}.months());
        if (!amount)
            return Refusal{
                exit_code::usage,
                *kind == BillingEvery::once
                    ? trf("{} has no value for a one-off invoice; give --amount", k.id)
                    : trf("{} has no value for a periodic invoice; give --amount", k.id)};
    }

    YamlValue item = YamlValue::mapping();
    item.add("number", YamlValue::text(number))
        .add("contract", YamlValue::word(k.id))
        .add("issued", YamlValue::word(format_date(issued)))
        .add("period", YamlValue::word(period))
        .add("amount", YamlValue::word(format_amount(*amount)));
    auto planned =
        plan_append(ws, section_file(ws, c, "invoices", "invoices.yaml"), "invoices", item);
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [=, id = k.id](const Workspace& after) {
        const Invoice* inv = invoice_numbered(after, number);
        return inv && inv->at == at && inv->contract == id && inv->issued == issued &&
               inv->period == period && inv->amount == *amount;
    };
    Date due = add(issued, k.billing.terms);
    w.done = trf("Invoice {} for {}: {} for {}/{}, due {}, at {}:{}", number, c.id,
                 say_money(*amount), k.id, period, say_date(due), at.file, at.line);
    w.commit_message = fmt::format("acct: invoice {} for {}", number, c.id);
    return w;
}

Plan plan_paid(const LoadResult& loaded, const PaidOptions& o, Date date) {
    const Workspace& ws = loaded.workspace;
    const Client* client = nullptr;
    auto found = find_invoice(ws, o.number, client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Invoice* inv = std::get<const Invoice*>(found);
    if (inv->is_void) return Refusal{exit_code::usage, trf("invoice {} is void", inv->number)};
    const Money balance = inv->balance();
    if (balance.minor <= 0)
        return Refusal{exit_code::usage, trf("invoice {} is paid already", inv->number)};
    Money amount = balance;
    if (o.amount) {
        auto m = parse_money(*o.amount, balance.currency);
        if (!m) return Refusal{exit_code::usage, fmt::format("--amount {}", m.error())};
        if (m->minor <= 0) return Refusal{exit_code::usage, tr("--amount must be more than zero")};
        if (m->minor > balance.minor)
            return Refusal{exit_code::usage,
                           trf("--amount {} is more than the {} outstanding on {}", say_amount(*m),
                               say_money(balance), inv->number)};
        amount = *m;
    }
    const bool in_full = amount == balance && inv->payments.empty();

    auto opened = open_workspace_file(ws, inv->at.file);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const WorkspaceFile& f = std::get<WorkspaceFile>(opened);
    auto node = record_node(f, "invoices", inv->at);
    if (!node)
        return Refusal{exit_code::cannot_create, trf("cannot find invoice {} at {}:{}", inv->number,
                                                     inv->at.file, inv->at.line)};
    EditableFile ef{*f.bytes, f.doc};
    YamlValue payment = YamlValue::mapping();
    payment.add("date", YamlValue::word(format_date(date)))
        .add("amount", YamlValue::word(format_amount(amount)));
    auto ins = in_full ? add_key(ef, *node, "paid", YamlValue::word(format_date(date)))
                       : append_to_list(ef, *node, "payments", payment);
    if (!ins)
        return Refusal{exit_code::cannot_create,
                       trf("cannot edit {}: {}", inv->at.file, ins.error())};
    PlannedWrite w;
    set_insertion(w, f, std::move(ins.value()));
    const Money left = Money{balance.minor - amount.minor, balance.currency};
    w.reads_back = [=, number = inv->number](const Workspace& after) {
        const Invoice* now = invoice_numbered(after, number);
        return now && now->balance() == left;
    };
    w.done =
        left.minor == 0
            ? trf("Invoice {} of {} paid in full on {}", inv->number, client->id, say_date(date))
            : trf("Payment of {} on invoice {} of {} on {}; {} still outstanding",
                  say_money(amount), inv->number, client->id, say_date(date), say_money(left));
    w.commit_message =
        fmt::format("acct: {} {} of {}", in_full ? "paid" : "payment on", inv->number, client->id);
    return w;
}

Plan plan_void(const LoadResult& loaded, const VoidOptions& o) {
    const Workspace& ws = loaded.workspace;
    const Client* client = nullptr;
    auto found = find_invoice(ws, o.number, client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Invoice* inv = std::get<const Invoice*>(found);
    if (inv->is_void)
        return Refusal{exit_code::usage, trf("invoice {} is void already", inv->number)};
    if (inv->paid || !inv->payments.empty())
        return Refusal{exit_code::usage,
                       trf("invoice {} has payments recorded ({}:{}); a paid invoice is "
                           "not voided, correct it by hand",
                           inv->number, inv->at.file, inv->at.line)};
    auto opened = open_record(ws, "invoices", inv->at);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const RecordInFile& rec = std::get<RecordInFile>(opened);
    EditableFile f{*rec.file.bytes, rec.file.doc};
    auto planned = plan_edits(rec, {set_value(f, rec.node, {"status"}, YamlValue::word("void"))});
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    w.reads_back = [number = inv->number](const Workspace& after) {
        const Invoice* now = invoice_numbered(after, number);
        return now && now->is_void;
    };
    w.done = trf("Invoice {} of {} is void ({}:{})", inv->number, client->id, inv->at.file,
                 inv->at.line);
    w.commit_message = fmt::format("acct: void invoice {} of {}", inv->number, client->id);
    return w;
}

}  // namespace

Runner setup_invoice(CLI::App& app) {
    auto o = std::make_shared<InvoiceOptions>();
    auto* cmd = app.add_subcommand("invoice", "Record an invoice issued for a contract");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("CONTRACT", o->contract, "The contract's id")->required();
    cmd->add_option("--period", o->period,
                    "YYYY-MM, YYYY-Qn, YYYY or once (default: the earliest period due to be "
                    "invoiced, else the one holding --issued)");
    cmd->add_option("--number", o->number,
                    "The invoice number (default: the next in the workspace's sequence)");
    cmd->add_option("--amount", o->amount,
                    "The amount (default: the contract's value for the period)");
    cmd->add_option("--issued", o->issued, "The issue date (default: today)");
    cmd->add_flag("--force", o->force,
                  "Invoice a contract that is not signed, or a prospect, all the same");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct invoice romashka support-2026\n"
        "  acct invoice acme hosting --period 2026-Q4 --number 2026-013 --amount 3600.00");
    return [o](Session& s) {
        return perform_write(s, o->write, [&](const LoadResult& loaded) {
            return plan_invoice(loaded, *o, s.as_of);
        });
    };
}

Runner setup_paid(CLI::App& app) {
    auto o = std::make_shared<PaidOptions>();
    auto* cmd = app.add_subcommand("paid", "Record that an invoice was paid, in full or in part");
    cmd->add_option("NUMBER", o->number, "The invoice number")->required();
    cmd->add_option("--date", o->date, "When the money arrived (default: today)");
    cmd->add_option("--amount", o->amount, "A part payment (default: all that is outstanding)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct paid 2026-011\n"
        "  acct paid 2026-011 --amount 50000 --date 2026-11-10");
    return dated_write(o, plan_paid);
}

}  // namespace acctool::cli

namespace acctool::cli {

Runner setup_void(CLI::App& app) {
    auto o = std::make_shared<VoidOptions>();
    auto* cmd = app.add_subcommand("void", "Void an invoice issued by mistake (status: void)");
    cmd->add_option("NUMBER", o->number, "The invoice number")->required();
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct void 2026-012");
    return [o](Session& s) {
        return perform_write(s, o->write,
                             [&](const LoadResult& loaded) { return plan_void(loaded, *o); });
    };
}

}  // namespace acctool::cli
