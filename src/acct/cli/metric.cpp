// acct metric: record a value of a client's metric series (SPEC 2.10).
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/metric_command.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/metric.h"

namespace acctool::cli {

namespace {

struct MetricOptions {
    std::string client, name, value;
    std::optional<std::string> unit, date;
    WriteOptions write;
};

// Every option checked up front, each error naming its option.
Result<Metric> read_options(const MetricOptions& o, Date as_of) {
    Metric m;
    auto name = parse_text(o.name, "NAME");
    if (!name) return Failure{name.error()};
    m.name = *name;
    auto value = parse_number(o.value);
    if (!value) return Failure{fmt::format("VALUE {}", value.error())};
    m.value = *value;
    if (o.unit) {
        auto unit = parse_text(*o.unit, "--unit");
        if (!unit) return Failure{unit.error()};
        m.unit = *unit;
    }
    auto date = parse_date_option("--date", o.date, as_of);
    if (!date) return Failure{date.error()};
    m.date = *date;
    return m;
}

// In the order of SPEC 2.10.
YamlValue to_yaml(const Metric& m) {
    YamlValue v = YamlValue::mapping();
    v.add("date", YamlValue::word(format_date(m.date)));
    v.add("name", YamlValue::text(m.name));
    v.add("value", YamlValue::word(format_decimal(m.value)));
    if (!m.unit.empty()) v.add("unit", YamlValue::text(m.unit));
    return v;
}

Plan plan_metric(const LoadResult& loaded, const MetricOptions& o, const Metric& m) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const Client& c = *std::get<const Client*>(found);
    std::string file = section_file(ws, c, "metrics", "metrics.yaml");
    auto planned = plan_append(ws, file, "metrics", to_yaml(m));
    if (auto* refusal = std::get_if<Refusal>(&planned)) return *refusal;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [at, m, id = c.id](const Workspace& after) {
        if (const Client* client = after.client(id))
            for (const auto& x : client->metrics)
                if (x.at == at)
                    return x.date == m.date && x.name == m.name && x.unit == m.unit &&
                           format_decimal(x.value) == format_decimal(m.value);
        return false;
    };
    std::string figure = say_figure(format_decimal(m.value));
    std::string value = m.unit.empty() ? figure : fmt::format("{} {}", figure, m.unit);
    w.done = trf("Recorded {} = {} for {} on {} at {}:{}", m.name, value, c.id, say_date(m.date),
                 at.file, at.line);
    w.commit_message = fmt::format("acct: metric {} of {}", m.name, c.id);
    return w;
}

}  // namespace

Runner setup_metric(CLI::App& app) {
    auto o = std::make_shared<MetricOptions>();
    auto* cmd = app.add_subcommand("metric", "Record a value of a client's metric");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("NAME", o->name, "The metric's name: one name is one series")->required();
    cmd->add_option("VALUE", o->value, "A number such as 1200, -3.5 or 0.25")->required();
    cmd->add_option("--unit", o->unit, "The unit, such as % or visits");
    cmd->add_option("--date", o->date, "The date of the value (default: today)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct metric orbit \"Organic visits\" 12400 --unit visits\n"
        "  acct metric orbit \"Conversion\" 2.4 --unit % --date 2026-11-01");
    return [o](Session& s) {
        auto m = read_options(*o, s.as_of);
        if (!m) {
            s.print_error(m.error());
            return exit_code::usage;
        }
        return perform_write(s, o->write,
                             [&](const LoadResult& loaded) { return plan_metric(loaded, *o, *m); });
    };
}

}  // namespace acctool::cli
