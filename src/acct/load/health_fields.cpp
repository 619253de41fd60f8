#include "acct/load/health_fields.h"

#include <charconv>

#include "acct/lang/translate.h"

namespace acctool {

namespace {

using Kind = YamlNode::Kind;

constexpr std::array<std::string_view, 3> override_keys{"set", "why", "until"};
constexpr std::array<std::string_view, 2> config_keys{"points", "bands"};
constexpr std::array<std::string_view, 2> band_keys{"green", "yellow"};

// A whole number with an optional sign, within [low, high].
std::optional<int> whole_number(std::string_view text, int low, int high) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    int v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || v < low ||
        v > high)
        return std::nullopt;
    return v;
}

// The integer value of `key` in `m`, or nullopt (reported) when it is not one.
std::optional<int> integer(MapFields& m, std::string_view key, int low, int high) {
    const YamlNode* v = m.get(key);
    if (!v) return std::nullopt;
    auto text = m.text_scalar(key, *v);
    if (!text) return std::nullopt;
    if (auto n = whole_number(*text, low, high)) return n;
    m.fail(*v, key, trf("'{}' is not a whole number from {} to {}", *text, low, high));
    return std::nullopt;
}

bool is_map(const ReadContext& ctx, const YamlNode& v, std::string_view what) {
    if (v.kind == Kind::mapping) return true;
    ctx.error(v.pos,
              say("{}: expected a mapping, found {} (the defaults apply)", what, describe(v)));
    return false;
}

}  // namespace

std::optional<HealthSet> read_client_health(MapFields& client) {
    const ReadContext& ctx = client.context();
    const YamlNode* h = client.get("health");
    if (!h) return std::nullopt;
    if (h->kind != Kind::mapping) {
        ctx.error(h->pos, say("health: expected a mapping of set, why and until, found {} (no "
                              "override applies)",
                              describe(*h)));
        return std::nullopt;
    }
    MapFields f(ctx, ctx.doc.index_of(h), override_keys, "health", tr("no override applies"));
    HealthSet out;
    out.at = ctx.source.locate(client.key_pos("health"));
    // `why` comes first when `acct set` writes an override: without `set`
    // there is nothing to apply yet, and nothing to report.
    if (!f.get("set")) return std::nullopt;
    bool has_set = true;
    bool has_why = f.require("why");
    auto band = f.choice<HealthBand>("set");
    auto why = f.text("why");
    auto until = f.date("until");
    if (!has_set || !has_why || f.bad() || !band || !why) return std::nullopt;
    out.band = *band;
    out.why = *why;
    out.until = until;
    return out;
}

void read_health_config(const ReadContext& ctx, std::uint32_t node, Config& config) {
    const YamlNode& map = ctx.node(node);
    if (!is_map(ctx, map, "health")) return;
    MapFields f(ctx, node, config_keys, "health", tr("the default applies"));
    if (const YamlNode* p = f.get("points"); p && is_map(ctx, *p, "health.points")) {
        MapFields points(ctx, ctx.doc.index_of(p), health_signal_names, "health.points",
                         tr("the default applies"));
        for (std::string_view name : health_signal_names)
            if (auto v = integer(points, name, -100, 100))
                config.health.points[std::string(name)] = *v;
    }
    if (const YamlNode* b = f.get("bands"); b && is_map(ctx, *b, "health.bands")) {
        MapFields bands(ctx, ctx.doc.index_of(b), band_keys, "health.bands",
                        tr("the default applies"));
        auto green = integer(bands, "green", 0, 100);
        auto yellow = integer(bands, "yellow", 0, 100);
        int g = green.value_or(config.health.green);
        int y = yellow.value_or(config.health.yellow);
        if (y > g) {
            ctx.error(b->pos, say("health.bands: yellow ({}) is above green ({}) (the default "
                                  "bands apply)",
                                  y, g));
            return;
        }
        config.health.green = g;
        config.health.yellow = y;
    }
}

}  // namespace acctool
