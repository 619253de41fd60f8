// acct set / acct unset: change or remove one field of a client (SPEC 2.1),
// such as handing the client to a new owner or setting a health override.
#include <algorithm>
#include <array>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/editing.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/values.h"
#include "acct/lang/translate.h"
#include "acct/model/period.h"

namespace acctool::cli {

namespace {

struct SetOptions {
    std::string client, field, value;
    WriteOptions write;
};

struct UnsetOptions {
    std::string client, field;
    WriteOptions write;
};

enum class FieldType { text, cadence, period, tags, lang, band, date };

struct FieldRule {
    std::string_view name;
    FieldType type;
    bool can_unset;
};

constexpr std::array<FieldRule, 15> rules{{
    {"name", FieldType::text, false},
    {"owner", FieldType::text, true},
    {"since", FieldType::date, true},
    {"cadence", FieldType::cadence, true},
    {"reporting", FieldType::period, true},
    {"tags", FieldType::tags, true},
    {"notes", FieldType::text, true},
    {"lang", FieldType::lang, true},
    {"team", FieldType::text, true},
    {"team.sales", FieldType::text, true},
    {"team.account", FieldType::text, true},
    {"team.project", FieldType::text, true},
    {"health", FieldType::text, true},
    {"health.set", FieldType::band, false},
    {"health.why", FieldType::text, false},
}};
constexpr FieldRule health_until{"health.until", FieldType::date, true};

std::vector<std::string_view> field_names(bool for_unset) {
    std::vector<std::string_view> names;
    for (const auto& r : rules)
        if (for_unset ? r.can_unset : r.name != "team" && r.name != "health")
            names.push_back(r.name);
    names.push_back(health_until.name);
    return names;
}

// The field's rule, or a usage refusal with a did-you-mean.
std::variant<FieldRule, Refusal> find_field(std::string_view name, bool for_unset) {
    const FieldRule* rule = name == health_until.name ? &health_until : nullptr;
    for (const auto& r : rules)
        if (r.name == name) rule = &r;
    auto names = field_names(for_unset);
    if (rule && for_unset && !rule->can_unset)
        return Refusal{exit_code::usage, name == "name"
                                             ? std::string(tr("a client's name cannot be removed"))
                                             : trf("{} cannot be removed alone; 'acct unset CLIENT "
                                                   "health' removes the whole override",
                                                   name)};
    // `team` and `health` are whole mappings: set their parts.
    if (rule && !for_unset && (name == "team" || name == "health")) rule = nullptr;
    if (rule) return *rule;
    auto near = closest(name, names);
    return Refusal{exit_code::usage,
                   near ? trf("FIELD '{}' is not a client field acct sets; did you mean '{}'?",
                              terminal_safe(name), *near)
                        : trf("FIELD '{}' is not one of {}", terminal_safe(name),
                              fmt::format("{}", fmt::join(names, ", ")))};
}

std::vector<std::string> keys_of(std::string_view field) {
    std::size_t dot = field.find('.');
    if (dot == std::string_view::npos) return {std::string(field)};
    return {std::string(field.substr(0, dot)), std::string(field.substr(dot + 1))};
}

// VALUE as the field's YAML value.
Result<YamlValue> field_value(const FieldRule& rule, std::string_view text, Date as_of) {
    switch (rule.type) {
        case FieldType::text: {
            auto t = parse_text(text);
            if (!t) return Failure{t.error()};
            return YamlValue::text(*t);
        }
        case FieldType::cadence:
        case FieldType::period: {
            if (rule.type == FieldType::cadence && text == "none") return YamlValue::word("none");
            auto p = parse_period(text);
            if (!p) return Failure{p.error()};
            return YamlValue::word(format_period(*p));
        }
        case FieldType::tags: {
            YamlValue list = YamlValue::sequence();
            std::size_t i = 0;
            while (i <= text.size()) {
                std::size_t k = std::min(text.find(',', i), text.size());
                std::string_view tag = text.substr(i, k - i);
                i = k + 1;
                while (!tag.empty() && tag.front() == ' ')
                    tag.remove_prefix(1);
                while (!tag.empty() && tag.back() == ' ')
                    tag.remove_suffix(1);
                if (tag.empty()) continue;
                auto t = parse_text(tag);
                if (!t) return Failure{t.error()};
                list.push(YamlValue::text(*t));
            }
            if (list.items.empty())
                return Failure{tr("holds no tag; to remove the tags: acct unset")};
            return list;
        }
        case FieldType::lang:
            if (text != "en" && text != "ru")
                return Failure{trf("'{}' is not one of en, ru", terminal_safe(text))};
            return YamlValue::word(text);
        case FieldType::band:
            if (text != "green" && text != "yellow" && text != "red")
                return Failure{trf("'{}' is not one of green, yellow, red", terminal_safe(text))};
            return YamlValue::word(text);
        case FieldType::date: {
            auto d = parse_when(text, as_of);
            if (!d) return Failure{d.error()};
            return YamlValue::word(format_date(*d));
        }
    }
    return Failure{tr("unknown field")};
}

// Whether the reloaded client shows `field` as `value` (absent: removed),
// for the fields the reader keeps; the others are proven on the YAML tree.
bool shows(const Client& c, std::string_view field, const std::optional<YamlValue>& value) {
    auto text = [&] { return value ? value->value : std::string(); };
    if (field == "owner") return c.owner.value_or("") == text();
    if (field == "name") return c.name == text();
    if (field == "notes") return c.notes == text();
    if (field == "since") return (c.since ? format_date(*c.since) : "") == text();
    if (field == "reporting") return (c.reporting ? format_period(*c.reporting) : "") == text();
    if (field == "tags") {
        std::vector<std::string> want;
        if (value)
            for (const auto& t : value->items)
                want.push_back(t.value);
        return c.tags == want;
    }
    if (field.starts_with("team.")) {
        auto it = c.team.find(std::string(field.substr(5)));
        return (it == c.team.end() ? "" : it->second) == text();
    }
    if (field == "team") return c.team.empty();
    return true;
}

// health.set needs a `why` beside it, or the override is ignored (SPEC 2.1).
bool has_health_why(const RecordInFile& rec) {
    const YamlDocument& doc = rec.file.doc;
    const YamlNode* health = map_get(doc, doc.node(rec.node), "health");
    return health && map_get(doc, *health, "why");
}

Plan plan_field(const LoadResult& loaded, const std::string& client, const FieldRule& rule,
                const std::optional<YamlValue>& value) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    auto opened = open_client_file(ws, c);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const RecordInFile& rec = std::get<RecordInFile>(opened);
    EditableFile f{*rec.file.bytes, rec.file.doc};
    if (rule.name == "health.set" && !has_health_why(rec))
        return Refusal{exit_code::usage,
                       trf("a health override needs a reason first: acct set {} health.why "
                           "\"...\"",
                           c.id)};
    std::vector<Result<Edit>> edits;
    auto keys = keys_of(rule.name);
    edits.push_back(value ? set_value(f, rec.node, keys, *value) : remove_key(f, rec.node, keys));
    if (!value && edits.front() && edits.front()->empty())
        return Refusal{exit_code::usage, trf("{} has no {} to remove", c.id, rule.name)};
    auto planned = plan_edits(rec, std::move(edits));
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    w.reads_back = [=, id = c.id, field = std::string(rule.name)](const Workspace& after) {
        const Client* ac = after.client(id);
        return ac && shows(*ac, field, value);
    };
    w.done = value ? trf("{}: {} is now {} ({})", c.id, rule.name, emit_flow(*value), rec.file.rel)
                   : trf("{}: {} removed ({})", c.id, rule.name, rec.file.rel);
    w.commit_message = value ? fmt::format("acct: set {} of {}", rule.name, c.id)
                             : fmt::format("acct: unset {} of {}", rule.name, c.id);
    return w;
}

}  // namespace

Runner setup_set(CLI::App& app) {
    auto o = std::make_shared<SetOptions>();
    auto* cmd = app.add_subcommand("set", "Set a client field: owner, cadence, health.set, ...");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("FIELD", o->field,
                    "name, owner, since, cadence, reporting, tags, notes, lang, "
                    "team.sales|account|project, health.set|why|until")
        ->required();
    cmd->add_option("VALUE", o->value, "The new value (tags: comma-separated)")->required();
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct set acme owner ben\n"
        "  acct set acme cadence 1w\n"
        "  acct set acme health.why \"CFO left\" && acct set acme health.set red");
    return [o](Session& s) {
        auto rule = find_field(o->field, false);
        if (auto* r = std::get_if<Refusal>(&rule)) {
            s.print_error(r->message);
            return r->status;
        }
        auto value = field_value(std::get<FieldRule>(rule), o->value, s.as_of);
        if (!value) {
            s.print_error(trf("VALUE for {}: {}", o->field, value.error()));
            return exit_code::usage;
        }
        return perform_write(s, o->write, [&](const LoadResult& loaded) {
            return plan_field(loaded, o->client, std::get<FieldRule>(rule), *value);
        });
    };
}

Runner setup_unset(CLI::App& app) {
    auto o = std::make_shared<UnsetOptions>();
    auto* cmd = app.add_subcommand("unset", "Remove a client field: owner, health, ...");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("FIELD", o->field,
                    "owner, since, cadence, reporting, tags, notes, lang, team, "
                    "team.sales|account|project, health, health.until")
        ->required();
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct unset acme health\n"
        "  acct unset acme team.sales");
    return [o](Session& s) {
        auto rule = find_field(o->field, true);
        if (auto* r = std::get_if<Refusal>(&rule)) {
            s.print_error(r->message);
            return r->status;
        }
        return perform_write(s, o->write, [&](const LoadResult& loaded) {
            return plan_field(loaded, o->client, std::get<FieldRule>(rule), std::nullopt);
        });
    };
}

}  // namespace acctool::cli
