#include "acct/render/table.h"

#include "acct/render/json.h"

namespace acctool {

std::string table_csv(const Table& t, const CsvOptions& options) {
    CsvTable csv;
    for (const auto& c : t.columns)
        csv.columns.push_back(
            {c.name, c.type == ColumnType::integer || c.type == ColumnType::money});
    for (const auto& row : t.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row)
            cells.push_back(cell.value_or(""));
        csv.rows.push_back(std::move(cells));
    }
    return render_csv(csv, options);
}

namespace {

// "100.00 EUR; 5 JPY" -> [{"currency": "EUR", "amount": "100.00"}, ...]
Json balances_json(std::string_view cell) {
    Json list = Json::array();
    while (!cell.empty()) {
        std::size_t end = cell.find("; ");
        std::string_view one = cell.substr(0, end);
        std::size_t space = one.rfind(' ');
        Json b = Json::object();
        b.set("currency", one.substr(space + 1));
        b.set("amount", one.substr(0, space));
        list.push(std::move(b));
        cell = end == std::string_view::npos ? std::string_view() : cell.substr(end + 2);
    }
    return list;
}

}  // namespace

std::string table_json(const Table& t) {
    Json rows = Json::array();
    for (const auto& row : t.rows) {
        Json r = Json::object();
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const auto& cell = row[i];
            if (!cell) {
                r.set(t.columns[i].name, Json());
            } else if (t.columns[i].type == ColumnType::integer) {
                r.set(t.columns[i].name, Json(static_cast<std::int64_t>(std::stoll(*cell))));
            } else if (t.columns[i].type == ColumnType::balances) {
                r.set(t.columns[i].name, balances_json(*cell));
            } else if (t.columns[i].type == ColumnType::boolean) {
                r.set(t.columns[i].name, Json(*cell == "true"));
            } else {
                r.set(t.columns[i].name, Json(*cell));
            }
        }
        rows.push(std::move(r));
    }
    Json root = Json::object();
    root.set(t.name, std::move(rows));
    return root.dump();
}

}  // namespace acctool
