// acct new client / acct new contract: create a client folder, or add a
// contract to a client.
#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/load/fields.h"
#include "acct/model/period.h"

namespace acctool::cli {

namespace {

struct ClientOptions {
    std::string id, name;
    std::optional<std::string> owner, status, cadence, since, contact_name, role, email, phone, in;
    std::vector<std::string> tags;
    WriteOptions write;
};

struct ContractOptions {
    std::string client, id, start;
    std::optional<std::string> end, title, value, per, currency, billing, notice, sent, signed_on;
    bool auto_renew = false;
    WriteOptions write;
};

Refusal usage(std::string message) {
    return Refusal{exit_code::usage, std::move(message)};
}

// Text options in the order given: `key` -> checked text.
std::optional<Refusal> add_texts(
    YamlValue& v,
    std::initializer_list<std::tuple<const char*, const char*, const std::optional<std::string>*>>
        fields) {
    for (auto [key, option, value] : fields)
        if (*value) {
            auto t = parse_text(**value, option);
            if (!t) return usage(t.error());
            v.add(key, YamlValue::text(*t));
        }
    return std::nullopt;
}

// A folder below the root for new clients, as the user wrote it: no
// `..`, and nothing acct would skip (`.` or `_` names).
Result<std::string> parse_folder(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t k = std::min(text.find('/', i), text.size());
        std::string_view part = text.substr(i, k - i);
        i = k + 1;
        if (part.empty()) continue;
        if (part == "..") return Failure{tr("must stay inside the workspace (no '..')")};
        if (part == ".") continue;
        if (part.front() == '.' || part.front() == '_')
            return Failure{trf("'{}' starts with '{}': acct does not look in such folders", part,
                               part.front())};
        if (auto t = parse_text(part); !t) return Failure{fmt::format("'{}' {}", part, t.error())};
        out += out.empty() ? std::string(part) : "/" + std::string(part);
    }
    if (!text.empty() && text.front() == '/')
        return Failure{tr("must be a folder relative to the workspace root")};
    return out;
}

// Where most clients live: new ones go beside them.
std::string usual_folder(const Workspace& ws) {
    std::map<std::string, int> parents;
    for (const auto& c : ws.clients) {
        auto slash = c.folder.rfind('/');
        ++parents[slash == std::string::npos ? "" : c.folder.substr(0, slash)];
    }
    std::string best;
    int most = 0;
    for (const auto& [folder, n] : parents)
        if (n > most) best = folder, most = n;
    return best;
}

std::variant<YamlValue, Refusal> client_yaml(const ClientOptions& o, Date as_of) {
    YamlValue v = YamlValue::mapping();
    auto name = parse_text(o.name, "--name");
    if (!name) return usage(name.error());
    v.add("name", YamlValue::text(*name));
    if (o.status) {
        auto s = parse_choice<ClientStatus>(*o.status);
        if (!s) return usage(fmt::format("--status {}", s.error()));
        v.add("status", YamlValue::word(to_string(*s)));
    }
    if (auto r = add_texts(v, {{"owner", "--owner", &o.owner}})) return *r;
    auto since = parse_date_option("--since", o.since, as_of);
    if (!since) return usage(since.error());
    v.add("since", YamlValue::word(format_date(*since)));
    if (o.cadence) {
        if (*o.cadence == "none") {
            v.add("cadence", YamlValue::word("none"));
        } else {
            auto p = parse_period(*o.cadence);
            if (!p)
                return usage(
                    fmt::format("--cadence '{}': {}", terminal_safe(*o.cadence), p.error()));
            v.add("cadence", YamlValue::word(format_period(*p)));
        }
    }
    if (!o.tags.empty()) {
        YamlValue tags = YamlValue::sequence();
        for (const auto& t : o.tags) {
            auto tag = parse_text(t, "--tag");
            if (!tag) return usage(tag.error());
            tags.push(YamlValue::text(*tag));
        }
        v.add("tags", std::move(tags));
    }
    if (o.contact_name) {
        YamlValue contact = YamlValue::mapping();
        if (auto r = add_texts(contact, {{"name", "--contact-name", &o.contact_name},
                                         {"role", "--role", &o.role},
                                         {"email", "--email", &o.email},
                                         {"phone", "--phone", &o.phone}}))
            return *r;
        contact.add("primary", YamlValue::word("true"));
        v.add("contacts", YamlValue::sequence().push(std::move(contact)));
    } else if (o.role || o.email || o.phone) {
        return usage(tr("--role, --email and --phone describe a contact: give --contact-name too"));
    }
    return v;
}

Plan plan_client(const LoadResult& loaded, const ClientOptions& o, Date as_of) {
    const Workspace& ws = loaded.workspace;
    if (!is_slug(o.id))
        return usage(
            trf("'{}' is not a valid client id: use lower-case letters, digits, '.', '_' and '-', "
                "starting with a letter or digit, at most 64",
                terminal_safe(o.id)));
    if (const Client* c = ws.client(o.id))
        return usage(trf("client '{}' exists already ({}/client.yaml)", o.id, c->folder));
    std::string parent = usual_folder(ws);
    if (o.in) {
        auto f = parse_folder(*o.in);
        if (!f) return usage(trf("--in '{}' {}", terminal_safe(*o.in), f.error()));
        parent = *f;
    }
    auto yaml = client_yaml(o, as_of);
    if (auto* r = std::get_if<Refusal>(&yaml)) return *r;
    std::string folder = parent.empty() ? o.id : parent + "/" + o.id;
    std::string file = folder + "/client.yaml";
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::path(ws.root) / file, ec))
        return Refusal{exit_code::cannot_create,
                       trf("{} exists already; acct does not overwrite it", file)};
    PlannedWrite w;
    w.file = file;
    w.new_bytes = emit_block_mapping(std::get<YamlValue>(yaml), "", 0, "\n");
    w.reads_back = [=, id = o.id](const Workspace& after) {
        const Client* c = after.client(id);
        return c && c->folder == folder;
    };
    w.done = trf("Created client {} in {}", o.id, file);
    w.commit_message = fmt::format("acct: new client {}", o.id);
    return w;
}

std::variant<YamlValue, Refusal> contract_yaml(const ContractOptions& o, const Config& config,
                                               Date as_of) {
    auto date =
        [&](const char* option,
            const std::optional<std::string>& text) -> std::variant<std::optional<Date>, Refusal> {
        if (!text) return std::optional<Date>{};
        auto d = parse_date_option(option, text, as_of);
        if (!d) return usage(d.error());
        return std::optional<Date>(*d);
    };
    YamlValue v = YamlValue::mapping();
    v.add("id", YamlValue::word(o.id));
    if (auto r = add_texts(v, {{"title", "--title", &o.title}})) return *r;
    if (o.sent && o.signed_on) return usage(tr("give --sent or --signed, not both"));
    auto sent = date("--sent", o.sent);
    auto signed_on = date("--signed", o.signed_on);
    auto start = date("--start", o.start);
    auto end = date("--end", o.end);
    for (auto* d : {&sent, &signed_on, &start, &end})
        if (auto* r = std::get_if<Refusal>(d)) return *r;
    auto get = [](auto& d) { return std::get<std::optional<Date>>(d); };
    if (get(end) && *get(end) < *get(start))
        return usage(
            trf("--end {} is before --start {}", say_date(*get(end)), say_date(*get(start))));
    v.add("status", YamlValue::word(get(signed_on) ? "signed" : get(sent) ? "sent" : "draft"));
    if (get(sent)) v.add("sent", YamlValue::word(format_date(*get(sent))));
    if (get(signed_on)) v.add("signed", YamlValue::word(format_date(*get(signed_on))));
    v.add("start", YamlValue::word(format_date(*get(start))));
    if (get(end)) v.add("end", YamlValue::word(format_date(*get(end))));
    if (o.auto_renew || o.notice) {
        YamlValue renewal = YamlValue::mapping();
        if (o.auto_renew) renewal.add("auto", YamlValue::word("true"));
        if (o.notice) {
            auto p = parse_period(*o.notice);
            if (!p)
                return usage(fmt::format("--notice '{}': {}", terminal_safe(*o.notice), p.error()));
            renewal.add("notice", YamlValue::word(format_period(*p)));
        }
        v.add("renewal", std::move(renewal));
    }
    if (o.value) {
        Currency currency = config.currency;
        if (o.currency) {
            auto c = parse_currency(*o.currency);
            if (!c) return usage(fmt::format("--currency {}", c.error()));
            currency = *c;
        }
        auto m = parse_money(*o.value, currency);
        if (!m) return usage(fmt::format("--value {}", m.error()));
        auto per = parse_choice<Per>(o.per.value_or("month"));
        if (!per) return usage(fmt::format("--per {}", per.error()));
        YamlValue value = YamlValue::mapping();
        value.add("amount", YamlValue::word(format_amount(*m)));
        if (o.currency) value.add("currency", YamlValue::word(currency.code));
        value.add("per", YamlValue::word(to_string(*per)));
        v.add("value", std::move(value));
    } else if (o.per || o.currency) {
        return usage(tr("--per and --currency describe --value: give --value too"));
    }
    if (o.billing) {
        auto every = parse_choice<BillingEvery>(*o.billing);
        if (!every) return usage(fmt::format("--billing {}", every.error()));
        v.add("billing", YamlValue::mapping().add("every", YamlValue::word(to_string(*every))));
    }
    return v;
}

Plan plan_contract(const LoadResult& loaded, const ContractOptions& o, Date as_of) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    if (!is_slug(o.id))
        return usage(
            trf("'{}' is not a valid contract id: use lower-case letters, digits, '.', "
                "'_' and '-', starting with a letter or digit",
                terminal_safe(o.id)));
    if (c.declared_contracts.count(o.id))
        return usage(trf("{} has a contract '{}' already", c.id, o.id));
    auto yaml = contract_yaml(o, ws.config, as_of);
    if (auto* r = std::get_if<Refusal>(&yaml)) return *r;
    const YamlValue& item = std::get<YamlValue>(yaml);
    auto planned =
        plan_append(ws, section_file(ws, c, "contracts", "client.yaml"), "contracts", item);
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [=, client = c.id, id = o.id](const Workspace& after) {
        if (const Client* cl = after.client(client))
            for (const auto& k : cl->contracts)
                if (k.id == id) return k.at == at;
        return false;
    };
    w.done = trf("Added contract {} for {} at {}:{}", o.id, c.id, at.file, at.line);
    w.commit_message = fmt::format("acct: new contract {} for {}", o.id, c.id);
    return w;
}

}  // namespace

Runner setup_new(CLI::App& app) {
    auto co = std::make_shared<ClientOptions>();
    auto ko = std::make_shared<ContractOptions>();
    auto* cmd = app.add_subcommand("new", "Create a client, or a contract for a client");
    cmd->require_subcommand(1);

    auto* client = cmd->add_subcommand("client", "Create a client folder with its client.yaml");
    client->add_option("ID", co->id, "The client's id, also its folder's name")->required();
    client->add_option("--name", co->name, "The display name, any script")->required();
    client->add_option("--owner", co->owner, "Who looks after the client");
    client->add_option("--status", co->status, "prospect, active (default), paused or former");
    client->add_option("--cadence", co->cadence, "Touch base this often (2w, monthly, none)");
    client->add_option("--since", co->since, "Start of the relationship (default: today)");
    client->add_option("--tag", co->tags, "A tag (repeatable)");
    client->add_option("--contact-name", co->contact_name, "The primary contact's name");
    client->add_option("--role", co->role, "The contact's role");
    client->add_option("--email", co->email, "The contact's email");
    client->add_option("--phone", co->phone, "The contact's phone");
    client->add_option("--in", co->in,
                       "The folder for the client's folder (default: where most clients are)");
    add_write_options(*client, co->write);
    client->footer(
        "Examples:\n"
        "  acct new client acme --name \"Acme Corp\" --owner ben --cadence monthly --tag usa\n"
        "  acct new client romashka --name \"ООО «Ромашка»\" --contact-name \"Ирина Петрова\" "
        "--email irina@romashka.example");

    auto* contract = cmd->add_subcommand("contract", "Add a contract to a client");
    contract->add_option("CLIENT", ko->client, "The client's id")->required();
    contract->add_option("ID", ko->id, "The contract's id (unique within the client)")->required();
    contract->add_option("--start", ko->start, "When it starts")->required();
    contract->add_option("--end", ko->end, "When it ends (default: open-ended)");
    contract->add_option("--title", ko->title, "What it is for (default: the id)");
    contract->add_option("--value", ko->value, "Its value, an amount");
    contract->add_option("--per", ko->per, "month (default), quarter, year or once");
    contract->add_option("--currency", ko->currency, "The value's currency (default: acct.yaml)");
    contract->add_option("--billing", ko->billing, "Invoice every month, quarter, year or once");
    contract->add_flag("--auto", ko->auto_renew, "Renews by itself unless notice is given");
    contract->add_option("--notice", ko->notice, "Notice before the end (default: acct.yaml)");
    contract->add_option("--sent", ko->sent, "Sent for signature on this date (status: sent)");
    contract->add_option("--signed", ko->signed_on, "Signed on this date (status: signed)");
    add_write_options(*contract, ko->write);
    contract->footer(
        "Examples:\n"
        "  acct new contract acme seo-2027 --start 2027-01-01 --end 2027-12-31 \\\n"
        "      --value 2400 --per month --billing month --auto --notice 60d\n"
        "  acct new contract helios pilot --start 2027-01-15 --title \"Pilot project\"");

    for (auto* sub : {client, contract})
        sub->fallthrough();
    return [co, ko, client](Session& s) {
        if (client->parsed())
            return perform_write(s, co->write, [&](const LoadResult& loaded) {
                return plan_client(loaded, *co, s.as_of);
            });
        return perform_write(s, ko->write, [&](const LoadResult& loaded) {
            return plan_contract(loaded, *ko, s.as_of);
        });
    };
}

}  // namespace acctool::cli
