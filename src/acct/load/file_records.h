#pragma once
// One record file (client.yaml or another file of a client folder) -> the
// records it holds and its diagnostics. Pure: it reads no other file, so files
// can be read in any order or in parallel; what needs several files (contract
// references, invoice currencies, duplicates) is settled in assemble.h.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "acct/load/source_text.h"
#include "acct/load/yaml_tree.h"
#include "acct/model/records.h"

namespace acctool {

struct RawContract {
    Contract contract;
    std::uint32_t id_pos = 0;
    std::uint32_t renewed_by_pos = 0;
};

struct RawPayment {
    Date date;
    Decimal amount;
    std::uint32_t amount_pos = 0;
};

// An invoice whose money waits for its currency, which may come from a
// contract in another file.
struct RawInvoice {
    Invoice invoice;  // all but amount, payments, due and default period
    Decimal amount;
    std::uint32_t amount_pos = 0;
    std::uint32_t number_pos = 0;
    std::uint32_t contract_pos = 0;
    std::uint32_t first_key_pos = 0;
    std::optional<Currency> currency;
    std::optional<Date> due;
    std::vector<RawPayment> payments;
};

struct DeclaredContract {
    std::string id;
    std::uint32_t pos = 0;
};

// What reading takes besides the bytes: never the as-of date, so that a
// file's result can be cached (cache_format.h keys it on these parts).
struct RawRequest {
    Request request;
    std::uint32_t id_pos = 0;
};

// A change whose budget waits for its currency, and whose references wait
// for the client's other files.
struct RawChange {
    Change change;  // all but budget
    std::optional<Decimal> budget;
    std::optional<Currency> currency;
    std::uint32_t id_pos = 0;
    std::uint32_t budget_pos = 0;
    std::uint32_t contract_pos = 0;
    std::uint32_t request_pos = 0;
};

struct ReadOptions {
    const Config& config;
    ParseMemo* parses = nullptr;  // a writing command's memo, or none
};

struct FileRecords {
    std::shared_ptr<const SourceText> source;
    bool client_file = false;
    Client client;                 // client.yaml's fields with defaults applied
    std::uint32_t client_pos = 0;  // client.yaml's first key
    bool parsed = false;           // the file was valid YAML
    std::vector<RawContract> contracts;
    std::vector<DeclaredContract> declared;  // every contract id seen, loaded or not
    std::vector<RawInvoice> invoices;
    std::vector<Interaction> interactions;
    std::vector<std::uint32_t> interaction_date_pos;  // each interaction's `date` value
    std::vector<std::int32_t> interaction_days;       // each one's date, in days since 1970
    std::optional<Interaction> last_interaction, last_report;  // as Client's, of this file
    std::vector<Task> tasks;
    std::vector<RawRequest> requests;
    std::vector<DeclaredContract> declared_requests;  // every request id seen, loaded or not
    std::vector<RawChange> changes;
    std::vector<Metric> metrics;
    std::vector<std::uint32_t> metric_pos;  // each metric's first key
    std::vector<Diagnostic> diagnostics;
};

// Files larger than this are refused whole.
inline constexpr std::size_t max_record_file_bytes = 16u << 20;

FileRecords read_record_file(std::shared_ptr<const SourceText> source, bool client_file,
                             const std::string& client_id, const ReadOptions& options);

// Bytes -> a document, or a diagnostic: size, NUL, UTF-8 and YAML problems.
// With `memo`, bytes it has seen are not parsed again.
std::optional<YamlDocument> parse_file(const SourceText& source, std::vector<Diagnostic>& out,
                                       ParseMemo* memo = nullptr);

}  // namespace acctool
