#include "acct/load/sla.h"

#include <algorithm>
#include <array>
#include <map>

#include "acct/lang/translate.h"

namespace acctool {

namespace {

constexpr std::array<std::string_view, 3> step_keys{"ack", "handoff", "resolve"};

}  // namespace

Result<Period> parse_sla_period(std::string_view text) {
    std::size_t zeros = 0;
    while (zeros < text.size() && text[zeros] == '0')
        ++zeros;
    bool zero = zeros > 0 && (zeros == text.size() || !(text[zeros] >= '1' && text[zeros] <= '9'));
    if (!zero) return parse_period(text);
    auto one = parse_period(fmt::format("1{}", text.substr(zeros)));
    if (!one) return parse_period(text);
    return Period{0, one->unit};
}

void read_sla(const ReadContext& ctx, std::uint32_t node, Config& config) {
    const YamlNode& map = ctx.node(node);
    const auto& priorities = EnumNames<Priority>::names;
    // Read by hand: an unknown priority is an error here, not a warning.
    std::map<std::string_view, std::uint32_t> seen;
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
        const YamlNode& key = ctx.node(map.items[i]);
        if (key.kind != YamlNode::Kind::scalar) {
            ctx.error(key.pos, say("sla: a priority must be plain text, found {} (the "
                                   "entry is ignored)",
                                   describe(key)));
            continue;
        }
        if (auto [it, fresh] = seen.emplace(key.value, key.pos); !fresh) {
            ctx.error(key.pos, say("duplicate key '{}', first at line {} (this one is "
                                   "ignored)",
                                   key.value, ctx.source.locate(it->second).line));
            continue;
        }
        auto p = std::find(priorities.begin(), priorities.end(), key.value);
        if (p == priorities.end()) {
            auto near = closest(key.value, priorities);
            ctx.error(key.pos,
                      near ? words(say("sla: no priority '{}'; did you mean '{}'? (the "
                                       "entry is ignored)",
                                       key.value, *near))
                           : words(say("sla: no priority '{}'; the priorities are {} "
                                       "(the entry is ignored)",
                                       key.value, fmt::format("{}", fmt::join(priorities, ", ")))));
            continue;
        }
        const YamlNode* value = &ctx.node(map.items[i + 1]);
        if (value->kind == YamlNode::Kind::null) continue;
        if (value->kind != YamlNode::Kind::mapping) {
            ctx.error(value->pos, say("sla.{}: expected a mapping of ack, handoff and "
                                      "resolve, found {} (the defaults apply)",
                                      key.value, describe(*value)));
            continue;
        }
        Sla& sla = config.sla[static_cast<std::size_t>(p - priorities.begin())];
        MapFields steps(ctx, map.items[i + 1], step_keys, fmt::format("sla.{}", key.value),
                        tr("the default applies"));
        std::array<Period*, 3> slots{&sla.ack, &sla.handoff, &sla.resolve};
        for (std::size_t s = 0; s < step_keys.size(); ++s) {
            const YamlNode* v = steps.get(step_keys[s]);
            if (!v) continue;
            auto text = steps.text_scalar(step_keys[s], *v);
            if (!text) continue;
            auto period = parse_sla_period(*text);
            if (!period) {
                steps.fail(*v, step_keys[s], fmt::format("'{}': {}", *text, period.error()));
                continue;
            }
            *slots[s] = *period;
            sla.set[s] = true;
        }
    }
}

}  // namespace acctool
