#include "acct/load/metric_records.h"

#include <array>
#include <map>

#include "acct/lang/translate.h"
#include "acct/load/signed_decimal.h"

namespace acctool {

namespace {

constexpr std::array<std::string_view, 4> metric_keys{"date", "name", "value", "unit"};

}  // namespace

void read_metric(const ReadContext& ctx, std::uint32_t item, FileRecords& out) {
    MapFields f(ctx, item, metric_keys, tr("a metric"), tr("the metric is skipped"));
    Metric m;
    m.at = ctx.source.locate(f.first_key_pos());
    const bool has_date = f.require("date"), has_name = f.require("name"),
               has_value = f.require("value");
    if (auto v = f.date("date")) m.date = *v;
    m.name = f.text("name").value_or("");
    m.unit = f.text("unit").value_or("");
    if (const YamlNode* v = f.get("value")) {
        if (auto s = f.text_scalar("value", *v)) {
            if (auto d = parse_signed_decimal(*s))
                m.value = *d;
            else
                f.fail(*v, "value", d.error());
        }
    }
    // A list or map there was reported as such: not a missing name as well.
    const YamlNode* name_node = f.get("name");
    if (has_name && m.name.empty() && name_node->kind != YamlNode::Kind::sequence &&
        name_node->kind != YamlNode::Kind::mapping) {
        ctx.error(name_node->pos, say("name: a metric needs a name (the metric is skipped)"));
        f.mark_bad();
    }
    if (!has_date || !has_name || !has_value || f.bad()) return;
    out.metrics.push_back(std::move(m));
    out.metric_pos.push_back(f.first_key_pos());
}

void take_metrics(Client& client, std::vector<FileRecords>& files, std::vector<Diagnostic>& out) {
    std::map<std::string, std::string> unit_of;  // series -> its unit so far
    for (auto& f : files)
        for (std::size_t i = 0; i < f.metrics.size(); ++i) {
            Metric& m = f.metrics[i];
            if (!m.unit.empty()) {
                auto [it, fresh] = unit_of.emplace(m.name, m.unit);
                if (!fresh && it->second != m.unit) {
                    out.push_back(f.source->diagnose(
                        Severity::warning, f.metric_pos[i],
                        say("metric '{}' changes its unit from '{}' to '{}'; the latest unit "
                            "is shown",
                            m.name, it->second, m.unit)));
                    it->second = m.unit;
                }
            }
            client.metrics.push_back(std::move(m));
        }
}

}  // namespace acctool
