#include "acct/render/due.h"

#include <array>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/os/parallel.h"
#include "acct/render/command.h"
#include "acct/render/json.h"

namespace acctool {

std::string relative_days(int days) {
    if (days == 0) return tr("today");
    auto n = static_cast<unsigned long>(days < 0 ? -static_cast<long>(days) : days);
    if (days < 0) return trnf("{} day overdue", "{} days overdue", n, n);
    return trnf("in {} day", "in {} days", n, n);
}

std::string item_action(const DueItem& item) {
    if (item.kind == ItemKind::invoice && item.amount)
        return fmt::format("{} ({})", item.title, say_money(*item.amount));
    return item.title;
}

namespace {

constexpr std::size_t name_column = 3;

// Fitting the table into `width` columns (0: whole lines): the titles lose
// their ends first; when even a short title would not fit, the client's name
// column gives up columns; the dates and the kind never do. Returns the name
// column's width and the room left for titles (0: any length).
struct Fit {
    int name_width;
    int title_room;
};

Fit fit_table(std::array<int, 6> widths, int width) {
    constexpr int shortest_title = 12;
    constexpr int shortest_name = 8;
    if (width <= 0) return {widths[name_column], 0};
    int before = 2;  // the indent, then each cell but the title and two spaces
    for (std::size_t c = 0; c + 1 < widths.size(); ++c)
        before += widths[c] + 2;
    int name_width = widths[name_column];
    int room = width - before;
    if (room < shortest_title && name_width > shortest_name) {
        int narrower = std::max(shortest_name, name_width - (shortest_title - room));
        room += name_width - narrower;
        name_width = narrower;
    }
    return {name_width, std::max(room, shortest_title)};
}

}  // namespace

std::string render_due_text(const DueView& view, const Paint& paint) {
    if (view.items.empty())
        return trf("Nothing due as of {} (horizon {}).", say_weekday_date(view.as_of),
                   say_period(view.horizon)) +
               "\n";
    struct Row {
        ItemStatus status;
        std::array<std::string, 6> cells;
        std::array<int, 6> widths;
        std::string line;
    };
    // A list of thousands of items: its rows are made on every core.
    std::vector<Row> rows(view.items.size());
    parallel_for(
        rows.size(),
        [&](std::size_t i) {
            const DueItem& item = view.items[i];
            Row& r = rows[i];
            r.status = status_of(item, view.as_of);
            r.cells = {
                say_table_date(item.due),          relative_days(days_until(item, view.as_of)),
                terminal_safe(item.client->id),    terminal_safe(item.client->name),
                std::string(to_string(item.kind)), terminal_safe(item_action(item))};
            for (std::size_t c = 0; c < r.cells.size(); ++c)
                r.widths[c] = display_width(r.cells[c]);
        },
        256);
    std::array<int, 6> widths{};
    for (const auto& r : rows)
        for (std::size_t c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], r.widths[c]);
    const std::array<std::string_view, 3> headings{tr("Overdue"), tr("Today"), tr("Upcoming")};
    constexpr std::array<std::string_view, 3> colours{"1;31", "1;33", "1"};
    std::array<int, 3> counts{};
    for (const auto& r : rows)
        ++counts[static_cast<std::size_t>(r.status)];

    const Fit fit = fit_table(widths, view.width);
    parallel_for(
        rows.size(),
        [&](std::size_t i) {
            Row& r = rows[i];
            const auto s = static_cast<std::size_t>(r.status);
            std::string& line = r.line;
            line = "  ";
            // Each cell padded to its column's width, with the widths found
            // above: a cell is measured once.
            for (std::size_t c = 0; c + 1 < r.cells.size(); ++c) {
                const int column = c == name_column ? fit.name_width : widths[c];
                std::string cell;
                int width = r.widths[c];
                if (width > column) {
                    cell = fit_width(r.cells[c], column);
                    width = display_width(cell);
                } else {
                    cell = std::move(r.cells[c]);
                }
                if (width < column) cell.append(static_cast<std::size_t>(column - width), ' ');
                if (c == 1 && r.status != ItemStatus::upcoming) cell = paint(cell, colours[s]);
                line += cell;
                line += "  ";
            }
            line += fit.title_room ? fit_width(r.cells.back(), fit.title_room) : r.cells.back();
            line += '\n';
        },
        256);
    std::size_t size = 0;
    for (const auto& r : rows)
        size += r.line.size();
    std::string out;
    out.reserve(size + 1024);
    for (std::size_t s = 0; s < headings.size(); ++s) {
        if (counts[s] == 0) continue;
        if (!out.empty()) out += '\n';
        out += paint(fmt::format("{} ({})", headings[s], counts[s]), colours[s]) + '\n';
        for (const auto& r : rows)
            if (static_cast<std::size_t>(r.status) == s) out += r.line;
    }
    out += "\n" +
           trf("As of {}, horizon {}: {} overdue, {} today, {} upcoming.",
               say_weekday_date(view.as_of), say_period(view.horizon), counts[0], counts[1],
               counts[2]) +
           "\n";
    return out;
}

std::string render_due_json(const DueView& view) {
    Json items = Json::array();
    for (const auto& item : view.items) {
        Json j = Json::object();
        j.set("client", item.client->id);
        j.set("client_name", item.client->name);
        j.set("owner", item.client->owner ? Json(*item.client->owner) : Json());
        j.set("kind", to_string(item.kind));
        j.set("due", format_date(item.due));
        j.set("days", days_until(item, view.as_of));
        j.set("status", to_string(status_of(item, view.as_of)));
        j.set("subject", item.subject);
        j.set("title", item.title);
        j.set("file", item.at.file.str());
        j.set("line", item.at.line);
        std::string command = resolving_command(item);
        j.set("command", command.empty() ? Json() : Json(command));
        if (item.amount) {
            j.set("amount", format_amount(*item.amount));
            j.set("currency", item.amount->currency.code);
        }
        items.push(std::move(j));
    }
    Json root = Json::object();
    root.set("as_of", format_date(view.as_of));
    root.set("horizon", format_period(view.horizon));
    root.set("items", std::move(items));
    return root.dump();
}

}  // namespace acctool
