#include "acct/load/config.h"
#include "acct/lang/translate.h"
#include "acct/load/config_language.h"

#include <array>
#include <charconv>

#include "acct/load/fields.h"
#include "acct/load/file_records.h"
#include "acct/load/health_fields.h"
#include "acct/load/sla.h"

namespace acctool {

namespace {

constexpr std::array<std::string_view, 11> config_keys{
    "owner",  "currency", "horizon", "defaults", "holidays", "fte_hours",
    "digest", "git",      "lang",    "sla",      "health"};
constexpr std::array<std::string_view, 11> default_keys{
    "cadence",    "renewal_lead", "notice",      "terms",        "send_before", "chase_after",
    "touch_time", "invoice_time", "change_send", "request_time", "change_time"};
constexpr std::array<std::string_view, 4> digest_keys{"to", "from", "subject", "sendmail"};
constexpr std::array<std::string_view, 1> git_keys{"commit"};

constexpr std::string_view keep_default = "the default applies";

void read_defaults(const ReadContext& ctx, std::uint32_t node, Config& c) {
    MapFields d(ctx, node, default_keys, "defaults", tr(keep_default.data()));
    if (const YamlNode* cad = d.get("cadence")) {
        if (cad->kind == YamlNode::Kind::scalar && cad->value == "none")
            c.cadence = std::nullopt;
        else if (auto v = d.period("cadence"))
            c.cadence = *v;
    }
    if (auto v = d.period("renewal_lead")) c.renewal_lead = *v;
    if (auto v = d.period("notice")) c.notice = *v;
    if (auto v = d.period("terms")) c.terms = *v;
    if (auto v = d.period("send_before")) c.send_before = *v;
    if (auto v = d.period("chase_after")) c.chase_after = *v;
    if (auto v = d.duration("touch_time")) c.touch_minutes = *v;
    if (auto v = d.duration("invoice_time")) c.invoice_minutes = *v;
    if (auto v = d.period("change_send")) c.change_send = *v;
    if (auto v = d.duration("request_time")) c.request_minutes = *v;
    if (auto v = d.duration("change_time")) c.change_minutes = *v;
}

void read_holidays(const ReadContext& ctx, const YamlNode& list, Config& c) {
    if (list.kind != YamlNode::Kind::sequence) {
        ctx.error(list.pos,
                  say("holidays: expected a list of dates, found {} (ignored)", describe(list)));
        return;
    }
    for (std::uint32_t i : list.items) {
        const YamlNode& n = ctx.node(i);
        auto d = n.kind == YamlNode::Kind::scalar ? parse_date(n.value) : Result<Date>(Failure{""});
        if (d)
            c.holidays.insert(*d);
        else
            ctx.error(n.pos,
                      say("holidays: expected a date as YYYY-MM-DD, found '{}' (ignored)",
                          n.kind == YamlNode::Kind::scalar ? n.value : std::string(describe(n))));
    }
}

// SPEC 9: an unknown code here is a warning, and English applies.
std::optional<Language> read_language(const ReadContext& ctx, MapFields& f) {
    const YamlNode* v = f.get("lang");
    if (!v) return std::nullopt;
    auto word = f.text_scalar("lang", *v);
    if (!word) return std::nullopt;
    constexpr auto names = EnumNames<Language>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == *word) return static_cast<Language>(i);
    if (auto near = closest(*word, names))
        ctx.warn(v->pos, say("lang: unknown language '{}'; did you mean '{}'? (English "
                             "applies)",
                             *word, *near));
    else
        ctx.warn(v->pos, say("lang: unknown language '{}'; expected one of {} (English "
                             "applies)",
                             *word, fmt::format("{}", fmt::join(names, ", "))));
    return std::nullopt;
}

}  // namespace

ConfigRead read_config(const SourceText& source) {
    ConfigRead out;
    Config& c = out.config;
    auto doc = parse_file(source, out.diagnostics);
    if (!doc || doc->empty) return out;
    ReadContext ctx{source, *doc, out.diagnostics};
    const YamlNode& root = doc->node(doc->root);
    if (root.kind != YamlNode::Kind::mapping) {
        ctx.error(root.pos, say("expected a mapping of keys and values at the top of the "
                                "file, found {} (defaults apply)",
                                describe(root)));
        return out;
    }
    MapFields f(ctx, doc->root, config_keys, "acct.yaml", tr(keep_default.data()));
    c.owner = f.text("owner");
    if (auto v = f.currency("currency")) c.currency = *v;
    if (auto v = f.period("horizon")) c.horizon = *v;
    if (const YamlNode* d = f.get("defaults")) {
        if (d->kind == YamlNode::Kind::mapping)
            read_defaults(ctx, doc->index_of(d), c);
        else
            f.fail(*d, "defaults", words(say("expected a mapping, found {}", describe(*d))));
    }
    if (const YamlNode* h = f.get("holidays")) read_holidays(ctx, *h, c);
    if (const YamlNode* sla = f.get("sla")) {
        if (sla->kind == YamlNode::Kind::mapping)
            read_sla(ctx, doc->index_of(sla), c);
        else
            f.fail(*sla, "sla", words(say("expected a mapping, found {}", describe(*sla))));
    }
    if (const YamlNode* h = f.get("health")) read_health_config(ctx, doc->index_of(h), c);
    if (const YamlNode* fte = f.get("fte_hours")) {
        double hours = 0;
        const std::string& s = fte->value;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), hours);
        if (fte->kind == YamlNode::Kind::scalar && ec == std::errc{} &&
            end == s.data() + s.size() && hours > 0 && hours <= 744)
            c.fte_hours = hours;
        else
            f.fail(*fte, "fte_hours", "expected hours per month, a number above 0 and at most 744");
    }
    if (const YamlNode* d = f.get("digest")) {
        if (d->kind == YamlNode::Kind::mapping) {
            MapFields dg(ctx, doc->index_of(d), digest_keys, "digest", tr(keep_default.data()));
            c.digest.to = dg.text("to").value_or("");
            c.digest.from = dg.text("from").value_or("");
            c.digest.subject = dg.text("subject").value_or("");
            if (auto v = dg.text("sendmail")) c.digest.sendmail = *v;
        } else {
            f.fail(*d, "digest", words(say("expected a mapping, found {}", describe(*d))));
        }
    }
    if (const YamlNode* g = f.get("git")) {
        if (g->kind == YamlNode::Kind::mapping) {
            MapFields gf(ctx, doc->index_of(g), git_keys, "git", tr(keep_default.data()));
            if (auto v = gf.boolean("commit")) c.git_commit = *v;
        } else {
            f.fail(*g, "git", words(say("expected a mapping, found {}", describe(*g))));
        }
    }
    read_language(ctx, f);
    return out;
}

std::optional<Language> read_config_language(const SourceText& source) {
    std::vector<Diagnostic> ignored;  // read_config reports them
    auto doc = parse_file(source, ignored);
    if (!doc || doc->empty || doc->node(doc->root).kind != YamlNode::Kind::mapping)
        return std::nullopt;
    ReadContext ctx{source, *doc, ignored};
    MapFields f(ctx, doc->root, config_keys, "acct.yaml", tr(keep_default.data()));
    return read_language(ctx, f);
}

}  // namespace acctool
