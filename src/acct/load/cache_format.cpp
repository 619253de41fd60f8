#include "acct/load/cache_format.h"

#include <algorithm>
#include <cstring>
#include <istream>
#include <ostream>
#include <sstream>
#include <streambuf>

#include <fmt/format.h>
#include <xxhash.h>
#include <cereal/archives/binary.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

// Dates as year, month and day: a record's unset date is not a valid one.
namespace cereal {
template <class A>
void save(A& a, const std::chrono::year_month_day& d) {
    a(static_cast<std::int32_t>(int(d.year())), static_cast<std::uint8_t>(unsigned(d.month())),
      static_cast<std::uint8_t>(unsigned(d.day())));
}
template <class A>
void load(A& a, std::chrono::year_month_day& d) {
    std::int32_t y = 0;
    std::uint8_t m = 0, day = 0;
    a(y, m, day);
    d = std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                    std::chrono::day{day}};
}
}  // namespace cereal

namespace acctool {

namespace {

// Archives that know the file a blob is about: its locations do not repeat
// the path.
struct Out : cereal::BinaryOutputArchive {
    Out(std::ostream& s, const InternedPath& r) : cereal::BinaryOutputArchive(s), rel(r) {}
    InternedPath rel;
};
struct In : cereal::BinaryInputArchive {
    In(std::istream& s, const InternedPath& r) : cereal::BinaryInputArchive(s), rel(r) {}
    InternedPath rel;
};
// cereal hands the serializers its base class; blobs are only written by Out
// and read by In.
const InternedPath& blob_file(cereal::BinaryOutputArchive& a) {
    return static_cast<Out&>(a).rel;
}
const InternedPath& blob_file(cereal::BinaryInputArchive& a) {
    return static_cast<In&>(a).rel;
}

// Reads a string_view as a stream without copying it. cereal asks for every
// field by itself: one memcpy each, not std::streambuf's loop of sgetc.
struct ViewBuf : std::streambuf {
    explicit ViewBuf(std::string_view v) {
        char* p = const_cast<char*>(v.data());
        setg(p, p, p + v.size());
    }
    std::streamsize xsgetn(char* to, std::streamsize n) override {
        std::streamsize got = std::min<std::streamsize>(n, egptr() - gptr());
        // An empty string's read has a null `to` (or buffer): memcpy must not see it.
        if (got <= 0) return 0;
        std::memcpy(to, gptr(), static_cast<std::size_t>(got));
        gbump(static_cast<int>(got));
        return got;
    }
};

constexpr char magic[8] = {'a', 'c', 'c', 't', 'c', 'a', 'c', 'h'};
// 2: the checksum is XXH3's 64-bit one. 3: locations hold interned paths.
constexpr std::uint32_t format_version = 3;

}  // namespace

// One function per struct: the fields in a fixed order. Changing a struct
// changes acct's build id, which is in the key, so an old cache is ignored.
template <class A>
void serialize(A& a, Currency& c) {
    a(c.code, c.digits, c.known);
}
template <class A>
void serialize(A& a, Decimal& d) {
    a(d.units, d.scale);
}
template <class A>
void serialize(A& a, Money& m) {
    a(m.minor, m.currency);
}
template <class A>
void serialize(A& a, Period& p) {
    a(p.count, p.unit);
}
template <class A>
void save(A& a, const SourceLocation& l) {
    bool here = l.file == blob_file(a);
    a(here, l.line, l.column);
    if (!here) a(l.file.str());
}
template <class A>
void load(A& a, SourceLocation& l) {
    bool here = true;
    a(here, l.line, l.column);
    if (here) {
        l.file = blob_file(a);
    } else {
        std::string file;
        a(file);
        l.file = file;
    }
}
template <class A>
void serialize(A& a, Message& m) {
    a(m.id, m.args);
}
template <class A>
void save(A& a, const Diagnostic& d) {
    a(d.severity, d.where, d.said, d.source_line, static_cast<std::uint64_t>(d.caret_offset));
}
template <class A>
void load(A& a, Diagnostic& d) {
    std::uint64_t caret = 0;
    a(d.severity, d.where, d.said, d.source_line, caret);
    d.caret_offset = caret;
    d.message = words(d.said);  // words now, in this run's language
}
template <class A>
void serialize(A& a, Contact& c) {
    a(c.name, c.role, c.email, c.phone, c.primary);
}
template <class A>
void serialize(A& a, HealthSet& h) {
    a(h.band, h.why, h.until, h.at);
}
template <class A>
void serialize(A& a, Client& c) {
    a(c.id, c.folder, c.name, c.status, c.owner, c.team, c.since, c.until, c.cadence, c.reporting,
      c.tags, c.contacts, c.notes, c.at, c.reporting_at);
    a(c.lang);
    a(c.health);
}
template <class A>
void serialize(A& a, Value& v) {
    a(v.amount, v.per);
}
template <class A>
void serialize(A& a, Billing& b) {
    a(b.every, b.day, b.when, b.terms, b.since, b.on);
}
template <class A>
void serialize(A& a, Contract& c) {
    a(c.id, c.title, c.status, c.sent, c.signed_on, c.start, c.end, c.auto_renew, c.term, c.notice,
      c.lead, c.renewed_by, c.value, c.billing, c.at);
}
template <class A>
void serialize(A& a, RawContract& c) {
    a(c.contract, c.id_pos, c.renewed_by_pos);
}
template <class A>
void serialize(A& a, DeclaredContract& d) {
    a(d.id, d.pos);
}
template <class A>
void serialize(A& a, Invoice& i) {
    // amount, payments and due are settled later, from the raw fields.
    a(i.number, i.contract, i.issued, i.period, i.paid, i.is_void, i.at);
}
template <class A>
void serialize(A& a, RawPayment& p) {
    a(p.date, p.amount, p.amount_pos);
}
template <class A>
void serialize(A& a, RawInvoice& i) {
    a(i.invoice, i.amount, i.amount_pos, i.number_pos, i.contract_pos, i.first_key_pos, i.currency,
      i.due, i.payments);
}
template <class A>
void serialize(A& a, Interaction& x) {
    a(x.date, x.kind, x.with, x.summary, x.todo, x.minutes, x.mood, x.next, x.at);
}
template <class A>
void serialize(A& a, Task& t) {
    a(t.title, t.due, t.done, t.notes, t.at);
}
template <class A>
void serialize(A& a, Request& r) {
    a(r.id, r.date, r.title, r.from, r.priority, r.to, r.acked, r.due, r.done, r.told, r.dropped,
      r.notes, r.at);
}
template <class A>
void serialize(A& a, RawRequest& r) {
    a(r.request, r.id_pos);
}
template <class A>
void serialize(A& a, Change& c) {
    a(c.id, c.date, c.by, c.title, c.contract, c.request, c.budget, c.deadline, c.status, c.sent,
      c.decided, c.notes, c.at);
}
template <class A>
void serialize(A& a, RawChange& c) {
    a(c.change, c.budget, c.currency, c.id_pos, c.budget_pos, c.contract_pos, c.request_pos);
}
template <class A>
void serialize(A& a, Metric& m) {
    a(m.date, m.name, m.value, m.unit, m.at);
}
template <class A>
void serialize(A& a, FileRecords& f) {
    a(f.client_file, f.client, f.client_pos, f.parsed, f.contracts, f.declared, f.invoices,
      f.interactions, f.interaction_date_pos, f.tasks, f.requests, f.declared_requests, f.changes,
      f.diagnostics);
    a(f.metrics, f.metric_pos);
}

// The header of an image.
template <class A>
void serialize(A& a, FileStamp& s) {
    a(s.size, s.mtime_ns, s.ctime_ns, s.inode, s.device);
}

namespace {

struct HeaderEntry {
    std::string rel;
    FileStamp stamp;
    std::uint64_t length = 0;
    template <class A>
    void serialize(A& a) {
        a(rel, stamp, length);
    }
};

struct Header {
    std::string root, key;
    std::int64_t written_ns = 0;
    std::vector<HeaderEntry> files;
    template <class A>
    void serialize(A& a) {
        a(root, key, written_ns, files);
    }
};

}  // namespace

std::string encode_records(const FileRecords& records) {
    std::ostringstream out(std::ios::binary);
    {
        Out a(out, InternedPath(records.source->path()));
        a(const_cast<FileRecords&>(records));
    }
    return std::move(out).str();
}

std::optional<FileRecords> decode_records(std::string_view blob, const std::string& rel) {
    ViewBuf buf(blob);
    std::istream in(&buf);
    FileRecords f;
    try {
        In a(in, InternedPath(rel));
        a(f);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return f;
}

bool write_image(std::FILE* out, const CacheImage& image) {
    Header h{image.root, image.key, image.written_ns, {}};
    for (const auto& f : image.files)
        h.files.push_back(HeaderEntry{f.rel, f.stamp, f.blob.size()});
    std::ostringstream hs(std::ios::binary);
    {
        cereal::BinaryOutputArchive a(hs);
        a(h);
    }
    std::string header = std::move(hs).str();
    std::uint64_t header_size = header.size();
    // The checksum covers everything after itself.
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    XXH3_64bits_update(state, &format_version, sizeof format_version);
    XXH3_64bits_update(state, &header_size, sizeof header_size);
    XXH3_64bits_update(state, header.data(), header.size());
    for (const auto& f : image.files)
        XXH3_64bits_update(state, f.blob.data(), f.blob.size());
    std::uint64_t sum = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    bool ok = std::fwrite(magic, sizeof magic, 1, out) == 1 &&
              std::fwrite(&sum, sizeof sum, 1, out) == 1 &&
              std::fwrite(&format_version, sizeof format_version, 1, out) == 1 &&
              std::fwrite(&header_size, sizeof header_size, 1, out) == 1 &&
              std::fwrite(header.data(), 1, header.size(), out) == header.size();
    for (const auto& f : image.files)
        ok = ok && std::fwrite(f.blob.data(), 1, f.blob.size(), out) == f.blob.size();
    return ok;
}

std::optional<CacheImage> read_image(std::string_view bytes,
                                     const std::function<void(std::string_view)>& done_with) {
    constexpr std::size_t fixed = sizeof magic + 8 + 4 + 8;
    if (bytes.size() < fixed || std::memcmp(bytes.data(), magic, sizeof magic) != 0)
        return std::nullopt;
    std::uint64_t sum = 0, header_size = 0;
    std::uint32_t version = 0;
    std::memcpy(&sum, bytes.data() + 8, 8);
    std::memcpy(&version, bytes.data() + 16, 4);
    std::memcpy(&header_size, bytes.data() + 20, 8);
    if (version != format_version || header_size > bytes.size() - fixed) return std::nullopt;
    // Slice by slice: the checksum needs every byte, not all of them at once.
    constexpr std::size_t slice = std::size_t{1} << 20;
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    for (std::size_t at = 16; at < bytes.size(); at += slice) {
        std::string_view part = bytes.substr(at, slice);
        XXH3_64bits_update(state, part.data(), part.size());
        if (done_with) done_with(part);
    }
    bool intact = XXH3_64bits_digest(state) == sum;
    XXH3_freeState(state);
    if (!intact) return std::nullopt;
    Header h;
    try {
        ViewBuf buf(bytes.substr(fixed, header_size));
        std::istream in(&buf);
        cereal::BinaryInputArchive a(in);
        a(h);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    CacheImage image{std::move(h.root), std::move(h.key), h.written_ns, {}};
    std::size_t at = fixed + header_size;
    for (auto& e : h.files) {
        if (e.length > bytes.size() - at) return std::nullopt;
        image.files.push_back(
            CachedFile{std::move(e.rel), e.stamp, bytes.substr(at, e.length), {}});
        at += e.length;
    }
    if (at != bytes.size()) return std::nullopt;
    return image;
}

std::string reading_key(const Config& c) {
    // Every Config field file_records.cpp reads: a default it applies.
    std::ostringstream out(std::ios::binary);
    {
        cereal::BinaryOutputArchive a(out);
        auto config = c;
        a(config.owner, config.currency, config.cadence, config.notice, config.renewal_lead,
          config.terms);
    }
    return fmt::format("{:016x}", XXH64(out.str().data(), out.str().size(), 0));
}

}  // namespace acctool
