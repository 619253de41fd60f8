#pragma once
// The records and items as flat tables, one row per record, for `export` and
// `due --format csv`: each column typed, so that CSV knows which cells are
// numbers and JSON writes integers as numbers, money as exact strings,
// dates as YYYY-MM-DD and a missing value as null.
#include <optional>
#include <string>
#include <vector>

#include "acct/rules/due.h"

namespace acctool {

// `balances`: "AMOUNT CUR; AMOUNT CUR" in order of currency code, which JSON
// writes as a list of {"currency", "amount"} (SPEC 4 "Output formats").
enum class ColumnType { text, integer, money, date, boolean, balances };

struct Column {
    std::string name;
    ColumnType type = ColumnType::text;
};

struct Table {
    std::string name;  // "clients": the JSON key
    std::vector<Column> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: no value
};

Table clients_table(const Workspace& ws);
Table contracts_table(const Workspace& ws);
Table invoices_table(const Workspace& ws, Date as_of);
Table interactions_table(const Workspace& ws);
Table items_table(const std::vector<DueItem>& items, Date as_of);
Table requests_table(const Workspace& ws);
Table changes_table(const Workspace& ws);
// Every metric value as written, file order within a client (SPEC 2.10).
Table metrics_table(const Workspace& ws);

}  // namespace acctool
