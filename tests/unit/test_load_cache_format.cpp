#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "acct/load/cache_format.h"
#include "acct/load/config.h"
#include "acct/load/mapped_file.h"

using namespace acctool;

namespace {

const char* const client_text = R"(name: ООО «Ромашка»
status: paused
owner: Anna
team: {sales: Ben, account: Anna}
since: 2025-01-10
cadence: 3w
reporting: monthly
tags: [retail, ru]
contacts:
  - {name: Ivan, role: CEO, email: i@example.com, phone: "+7 1", primary: true}
notes: calm
stauts: typo
contracts:
  - id: retainer
    status: signed
    start: 2025-01-01
    end: 2024-12-31
    renewal: {auto: true, term: 6mo, notice: 45d, lead: 90d}
    value: {amount: 1500.50, currency: USD, per: quarter}
    billing: {every: quarter, day: last, when: arrears, terms: 30d}
invoices:
  - number: R-1
    contract: retainer
    issued: 2025-02-01
    amount: 100.10
    period: 2025-Q1
    payments: [{date: 2025-02-10, amount: 50}]
interactions:
  - {date: 2025-03-01, kind: call, with: Ivan, summary: ok, duration: 1h30min, mood: negative, next: 2025-03-15, todo: send}
tasks:
  - {title: Send deck, due: 2025-04-01, done: 2025-03-30, notes: n}
  - {title: broken, due: 2025-13-01}
)";

const char* const log_text = R"(interactions:
  - {date: 2025-03-01, kind: call, with: Иван, summary: Обсудили этап 2, всё по плану}
  - {date: 2025-03-02, kind: email, with: Мария Петровна, summary: счёт, todo: позвонить}
)";

std::optional<FileRecords> from_blob(std::string_view blob, const std::string& rel,
                                     bool with_interactions = true) {
    FileRecords f;
    if (!decode_records(blob, rel, with_interactions, f)) return std::nullopt;
    return f;
}

FileRecords read(const std::string& path, const std::string& text, const Config& config) {
    return read_record_file(std::make_shared<const SourceText>(path, text), true, "romashka",
                            ReadOptions{config});
}

}  // namespace

TEST_CASE("a file's records come back from the cache as they were read") {
    Config config;
    FileRecords r = read("clients/romashka/client.yaml", client_text, config);
    REQUIRE(r.diagnostics.size() >= 3);
    std::string blob = encode_records(r);
    auto back = from_blob(blob, "clients/romashka/client.yaml");
    REQUIRE(back);
    back->source = r.source;
    // Every field that is written is read back: the same bytes again.
    CHECK(encode_records(*back) == blob);
    CHECK(back->client.name == "ООО «Ромашка»");
    CHECK(back->client.team.at("account") == "Anna");
    CHECK(back->client.at == r.client.at);
    CHECK(back->contracts.at(0).contract.value->amount.currency.code == "USD");
    CHECK(back->invoices.at(0).payments.at(0).amount.units == 50);
    CHECK(back->interactions.at(0).minutes == 90);
    CHECK(back->interaction_date_pos == r.interaction_date_pos);
    REQUIRE(back->diagnostics.size() == r.diagnostics.size());
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        const Diagnostic& a = r.diagnostics[i];
        const Diagnostic& b = back->diagnostics[i];
        CHECK(b.where == a.where);
        CHECK(b.said == a.said);
        CHECK(b.message == a.message);  // put into words again, not stored
        CHECK(b.source_line == a.source_line);
        CHECK(b.caret_offset == a.caret_offset);
    }
}

TEST_CASE("a diagnostic is kept as a message id and its arguments") {
    Config config;
    FileRecords r = read("c/client.yaml", "name: A\nstauts: x\n", config);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].said.id == "unknown key '{}' in {}; did you mean '{}'?");
    CHECK(r.diagnostics[0].said.args ==
          std::vector<std::string>{"stauts", "client.yaml", "status"});
    CHECK(r.diagnostics[0].message == words(r.diagnostics[0].said));
}

TEST_CASE("a damaged header refuses the image; a damaged blob fails its own check") {
    Config config;
    FileRecords r = read("c/client.yaml", client_text, config);
    std::string blob = encode_records(r);
    CacheImage image{"/ws", "key", 5, {}};
    image.files.push_back(CachedFile{"c/client.yaml", FileStamp{1, 2, 3, 4, 5}, blob, {}});
    std::FILE* f = std::tmpfile();
    REQUIRE(write_image(f, image));
    std::string bytes(static_cast<std::size_t>(std::ftell(f)), '\0');
    std::rewind(f);
    REQUIRE(std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size());
    std::fclose(f);

    auto back = read_image(bytes);
    REQUIRE(back);
    CHECK(back->root == "/ws");
    CHECK(back->key == "key");
    CHECK(back->written_ns == 5);
    REQUIRE(back->files.size() == 1);
    CHECK(back->files[0].stamp == FileStamp{1, 2, 3, 4, 5});
    CHECK(back->files[0].blob == blob);
    CHECK(blob_intact(back->files[0].blob, back->files[0]));

    CHECK_FALSE(read_image(""));
    CHECK_FALSE(read_image(std::string_view(bytes).substr(0, bytes.size() - 1)));
    CHECK_FALSE(read_image(std::string_view(bytes).substr(0, 30)));
    CHECK_FALSE(read_image(bytes + "x"));
    // A byte of the header (the root's text) changed: the whole image goes.
    std::string in_header = bytes;
    auto root_at = in_header.find("/ws");
    REQUIRE(root_at != std::string::npos);
    in_header[root_at + 1] = 'x';
    CHECK_FALSE(read_image(in_header));
    // A byte of the blob changed: the image reads, the blob fails its check.
    std::string in_blob = bytes;
    in_blob[bytes.size() - blob.size() / 2] ^= 1;
    auto damaged = read_image(in_blob);
    REQUIRE(damaged);
    CHECK_FALSE(blob_intact(damaged->files[0].blob, damaged->files[0]));
    CHECK_FALSE(blob_intact(blob.substr(1), back->files[0]));
}

TEST_CASE("a blob copied out of a mapped image decodes, and its texts outlive the copy") {
    Config config;
    FileRecords r = read_record_file(std::make_shared<const SourceText>("c/log.yaml", log_text),
                                     false, "romashka", ReadOptions{config});
    REQUIRE(r.interactions.size() == 2);
    std::string blob = encode_records(r);
    CacheImage image{"/ws", "key", 5, {}};
    const std::string big(3'000'000, 'x');
    image.files.push_back(CachedFile{"c/big.bin", FileStamp{}, big, {}});
    image.files.push_back(CachedFile{"c/log.yaml", FileStamp{}, blob, {}});
    // Under TMPDIR, and removed however the test ends (a failed REQUIRE too).
    struct RemovedAtEnd {
        std::string path;
        ~RemovedAtEnd() { std::remove(path.c_str()); }
    } file{(std::filesystem::temp_directory_path() / "acct-cache-test-XXXXXX").string()};
    int fd = ::mkstemp(file.path.data());
    REQUIRE(fd >= 0);
    std::FILE* f = ::fdopen(fd, "wb");
    REQUIRE(write_image(f, image));
    std::fclose(f);

    MappedFile mapped{file.path};
    std::remove(file.path.c_str());  // the mapping and its open file keep the bytes
    REQUIRE(mapped.ok());
    auto back = read_image(mapped.bytes());
    REQUIRE(back);
    REQUIRE(back->files.size() == 2);
    std::string copy;
    REQUIRE(mapped.copy(back->files[0].blob, copy));
    CHECK(copy == big);
    REQUIRE(mapped.copy(back->files[1].blob, copy));
    REQUIRE(blob_intact(copy, back->files[1]));
    auto decoded = from_blob(copy, "c/log.yaml");
    copy.assign(copy.size(), '\0');  // the texts were copied out of it
    REQUIRE(decoded);
    REQUIRE(decoded->interactions.size() == 2);
    CHECK(decoded->interactions[0].summary == r.interactions[0].summary);
    CHECK(decoded->interactions[1].with == r.interactions[1].with);
    decoded->source = r.source;
    CHECK(encode_records(*decoded) == blob);
}

TEST_CASE("the key changes with each acct.yaml setting that reading uses") {
    Config a;
    Config b = a;
    CHECK(reading_key(a) == reading_key(b));
    b.owner = "Anna";
    CHECK(reading_key(a) != reading_key(b));
    b = a;
    b.cadence = std::nullopt;
    CHECK(reading_key(a) != reading_key(b));
    b = a;
    b.terms = Period{30, PeriodUnit::day};
    CHECK(reading_key(a) != reading_key(b));
    b = a;
    b.holidays.insert(Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{1}});
    CHECK(reading_key(a) == reading_key(b));  // rules use holidays, reading does not
}

TEST_CASE("a blob with a bad enumeration, count or length is refused, however it checksums") {
    Config config;
    FileRecords r = read_record_file(std::make_shared<const SourceText>("c/log.yaml", log_text),
                                     false, "romashka", ReadOptions{config});
    REQUIRE(from_blob(encode_records(r), "c/log.yaml"));

    FileRecords bad_kind = r;
    bad_kind.interactions[0].kind = static_cast<InteractionKind>(99);
    CHECK_FALSE(from_blob(encode_records(bad_kind), "c/log.yaml"));
    bad_kind.last_interaction->kind = static_cast<InteractionKind>(6);
    CHECK_FALSE(from_blob(encode_records(bad_kind), "c/log.yaml", false));

    FileRecords bad_length = r;
    bad_length.interaction_days.push_back(0);
    CHECK_FALSE(from_blob(encode_records(bad_length), "c/log.yaml", false));

    // The client's id is the first text after the section's length and a
    // bool: a length of 2^40 must be refused before 1 TiB is asked for.
    std::string blob = encode_records(r);
    std::uint64_t huge = std::uint64_t{1} << 40;
    std::memcpy(blob.data() + 8 + 1, &huge, sizeof huge);
    CHECK_FALSE(from_blob(blob, "c/log.yaml"));
}

TEST_CASE("a cached date with a month or day no date has is refused") {
    Config config;
    FileRecords r = read_record_file(std::make_shared<const SourceText>("c/log.yaml", log_text),
                                     false, "romashka", ReadOptions{config});
    r.interactions[1].date = std::chrono::year_month_day{
        std::chrono::year{2026}, std::chrono::month{13}, std::chrono::day{1}};
    CHECK_FALSE(from_blob(encode_records(r), "c/log.yaml"));
    r.interactions[1].date = {};  // unset: 0-0-0, as a record starts
    CHECK(from_blob(encode_records(r), "c/log.yaml"));
}

TEST_CASE("a blob's head decodes without its tail, and each part has its own checksum") {
    Config config;
    FileRecords r = read_record_file(std::make_shared<const SourceText>("c/log.yaml", log_text),
                                     false, "romashka", ReadOptions{config});
    const std::string blob = encode_records(r);
    BlobSums sums = blob_sums(blob);
    REQUIRE(sums.head < blob.size());
    CachedFile file{"c/log.yaml", FileStamp{}, blob, sums};
    std::string head = blob.substr(0, sums.head);

    // The head alone: the fields and the latest interaction, no interactions.
    CHECK(blob_intact(head, file, false));
    CHECK_FALSE(blob_intact(head, file));
    auto fields = from_blob(head, "c/log.yaml", false);
    REQUIRE(fields);
    CHECK(fields->interactions.empty());
    CHECK(fields->interaction_days == r.interaction_days);
    REQUIRE(fields->last_interaction);
    CHECK(fields->last_interaction->summary == r.last_interaction->summary);
    CHECK_FALSE(from_blob(head, "c/log.yaml"));  // the interactions need the tail

    // A byte of the tail changed: the head still checks, the whole does not.
    std::string damaged = blob;
    damaged[damaged.size() - 2] ^= 1;
    CHECK(blob_intact(std::string_view(damaged).substr(0, sums.head), file, false));
    CHECK_FALSE(blob_intact(damaged, file));
    // And a byte of the head: neither does.
    damaged = blob;
    damaged[sums.head - 2] ^= 1;
    CHECK_FALSE(blob_intact(std::string_view(damaged).substr(0, sums.head), file, false));
    CHECK_FALSE(blob_intact(damaged, file));

    // Bytes that are not a blob are all head, and decode to nothing.
    CHECK(blob_sums("not a blob").head == 10);
    CHECK_FALSE(from_blob("not a blob", "c/log.yaml", false));
}
