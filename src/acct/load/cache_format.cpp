#include "acct/load/cache_format.h"

#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cstring>
#include <ostream>
#include <sstream>

#include <fmt/format.h>
#include <xxhash.h>
#include <cereal/archives/binary.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "acct/os/files.h"

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
    // Unset is 0-0-0, not a valid date; past that, a month or day no date has.
    if (m > 12 || day > 31) throw cereal::Exception("a date out of range");
    d = std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                    std::chrono::day{day}};
}
}  // namespace cereal

namespace acctool {

namespace {

// Archives that know the file a blob is about: its locations do not repeat
// the path. A blob's texts (Text) are kept apart from its fields, after them
// (encode_records), and each is stored as its place among them.
struct Out : cereal::BinaryOutputArchive {
    Out(std::ostream& s, const InternedPath& r) : cereal::BinaryOutputArchive(s), rel(r) {}
    InternedPath rel;
    std::string texts;
};
// Reads straight from memory: cereal asks for every field by itself, and a
// stream's virtual call per field was a fifth of a warm run.
class In : public cereal::InputArchive<In, cereal::AllowEmptyClassElision> {
  public:
    In(std::string_view fields, const InternedPath& r, std::string_view t)
        : InputArchive(this),
          rel(r),
          texts(t),
          at_(fields.data()),
          end_(fields.data() + fields.size()) {}
    std::size_t left() const { return static_cast<std::size_t>(end_ - at_); }
    // Inlined: a warm run calls it for every field of every record.
    [[gnu::always_inline]] void loadBinary(void* to, std::size_t n) {
        if (n > left()) throw cereal::Exception("the blob ends early");
        if (n != 0) std::memcpy(to, at_, n);
        at_ += n;
    }
    InternedPath rel;
    std::string_view texts;  // the blob's texts, to check a Text against

  private:
    const char* at_;
    const char* end_;
};
template <class T>
[[gnu::always_inline]] inline std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(
    In& a, T& t) {
    a.loadBinary(std::addressof(t), sizeof t);
}
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(In& a, cereal::NameValuePair<T>& t) {
    a(t.value);
}
// A count is checked against the bytes left before anything is made that
// size: every element takes at least a byte.
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(In& a, cereal::SizeTag<T>& t) {
    a(t.size);
    if (static_cast<std::uint64_t>(t.size) > a.left())
        throw cereal::Exception("a count past the blob's end");
}
// How many values each enumeration has: a value past them is refused.
template <class E>
constexpr std::size_t enum_count = EnumNames<E>::names.size();
template <>
constexpr std::size_t enum_count<Severity> = 2;
template <>
constexpr std::size_t enum_count<PeriodUnit> = 5;
template <>
constexpr std::size_t enum_count<Language> = 2;
template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
void CEREAL_LOAD_MINIMAL_FUNCTION_NAME(const In&, E& e, const std::underlying_type_t<E>& value) {
    if (value < 0 || static_cast<std::size_t>(value) >= enum_count<E>)
        throw cereal::Exception("an enumeration's value out of range");
    e = static_cast<E>(value);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(In& a, cereal::BinaryData<T>& data) {
    a.loadBinary(data.data, static_cast<std::size_t>(data.size));
}

}  // namespace
}  // namespace acctool

// cereal looks up an input archive's output archive for its enum helpers.
template <>
struct cereal::traits::detail::get_output_from_input<acctool::In> {
    using type = cereal::BinaryOutputArchive;
};

namespace acctool {
namespace {

// cereal hands the serializers of a blob its base class; blobs are only
// written by Out.
Out& blob(cereal::BinaryOutputArchive& a) {
    return static_cast<Out&>(a);
}
const InternedPath& blob_file(cereal::BinaryOutputArchive& a) {
    return blob(a).rel;
}
const InternedPath& blob_file(In& a) {
    return a.rel;
}

// A Text's place among the blob's texts; `none` for the empty text.
constexpr std::uint32_t none = 0xffffffff;

constexpr char magic[8] = {'a', 'c', 'c', 't', 'c', 'a', 'c', 'h'};
// 2: the checksum is XXH3's 64-bit one. 3: locations hold interned paths.
// 4: texts after the fields. 5: interactions in a section of their own.
// 6: a blob's head (fields) and tail (interactions), each with its texts
// and its checksum.
constexpr std::uint32_t format_version = 6;

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
void save(cereal::BinaryOutputArchive& a, const Text& text) {
    std::string& texts = blob(a).texts;
    std::uint32_t at = none;
    if (!text.empty()) {
        at = static_cast<std::uint32_t>(texts.size());
        std::uint32_t n = text.size();
        texts.append(reinterpret_cast<const char*>(&n), sizeof n);
        texts.append(text.view());
    }
    a(at);
}
void load(In& a, Text& text) {
    std::uint32_t at = none;
    a(at);
    if (at == none) {
        text = Text();
        return;
    }
    std::string_view texts = a.texts;
    std::uint32_t n = 0;
    if (at > texts.size() || texts.size() - at < sizeof n)
        throw cereal::Exception("a text outside the blob");
    std::memcpy(&n, texts.data() + at, sizeof n);
    if (texts.size() - at - sizeof n < n) throw cereal::Exception("a text outside the blob");
    // Copied: the blob is a checked copy in a buffer, and the cache file may
    // change under a run (another machine's acct on a shared home folder).
    text = Text(texts.substr(at + sizeof n, n));
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
    // The interactions themselves are a section of their own (encode_records).
    a(f.client_file, f.client, f.client_pos, f.parsed, f.contracts, f.declared, f.invoices,
      f.interaction_date_pos, f.tasks, f.requests, f.declared_requests, f.changes, f.diagnostics);
    a(f.metrics, f.metric_pos);
    a(f.interaction_days, f.last_interaction, f.last_report);
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
    BlobSums sums;
    template <class A>
    void serialize(A& a) {
        a(rel, stamp, length, sums.head, sums.head_sum, sums.tail_sum);
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

namespace {

void append_section(std::string& blob, std::string_view section) {
    auto length = static_cast<std::uint64_t>(section.size());
    blob.append(reinterpret_cast<const char*>(&length), sizeof length);
    blob += section;
}

// The next section of `blob` from `at` on, or nullopt past its end.
std::optional<std::string_view> next_section(std::string_view blob, std::size_t& at) {
    std::uint64_t length = 0;
    if (blob.size() - at < sizeof length) return std::nullopt;
    std::memcpy(&length, blob.data() + at, sizeof length);
    at += sizeof length;
    if (length > blob.size() - at) return std::nullopt;
    std::string_view section = blob.substr(at, length);
    at += length;
    return section;
}

// A blob's parts: the head is the fields and their texts, the tail the
// interactions and theirs (the rest of the blob).
struct BlobParts {
    std::string_view fields, field_texts, interactions, interaction_texts;
    std::size_t head = 0;
};

// nullopt when `blob` is not laid out as encode_records lays it out; with
// `head_only`, the tail may be missing.
std::optional<BlobParts> split(std::string_view blob, bool head_only) {
    BlobParts p;
    std::size_t at = 0;
    auto fields = next_section(blob, at);
    auto texts = fields ? next_section(blob, at) : std::nullopt;
    if (!texts) return std::nullopt;
    p.fields = *fields;
    p.field_texts = *texts;
    p.head = at;
    if (head_only) return p;
    auto interactions = next_section(blob, at);
    if (!interactions) return std::nullopt;
    p.interactions = *interactions;
    p.interaction_texts = blob.substr(at);
    return p;
}

std::uint64_t sum_of(std::string_view bytes) {
    return XXH3_64bits(bytes.data(), bytes.size());
}

}  // namespace

std::string encode_records(const FileRecords& records) {
    InternedPath rel(records.source->path());
    std::ostringstream fields(std::ios::binary), interactions(std::ios::binary);
    Out a(fields, rel), b(interactions, rel);
    a(const_cast<FileRecords&>(records));
    b(const_cast<std::vector<Interaction>&>(records.interactions));
    std::string blob;
    append_section(blob, std::move(fields).str());
    append_section(blob, a.texts);
    append_section(blob, std::move(interactions).str());
    return blob + b.texts;
}

bool decode_records(std::string_view blob, const InternedPath& rel, bool with_interactions,
                    FileRecords& f) {
    auto parts = split(blob, !with_interactions);
    if (!parts) return false;
    try {
        In a(parts->fields, rel, parts->field_texts);
        a(f);
        if (with_interactions) {
            In b(parts->interactions, rel, parts->interaction_texts);
            b(f.interactions);
        }
    } catch (const std::exception&) {
        return false;
    }
    // What is read side by side must be as long.
    return f.interaction_days.size() == f.interaction_date_pos.size() &&
           f.metrics.size() == f.metric_pos.size() &&
           (!with_interactions || f.interactions.size() == f.interaction_days.size());
}

BlobSums blob_sums(std::string_view blob) {
    auto parts = split(blob, false);
    std::size_t head = parts ? parts->head : blob.size();
    return BlobSums{head, sum_of(blob.substr(0, head)), sum_of(blob.substr(head))};
}

bool blob_intact(std::string_view bytes, const CachedFile& file, bool whole) {
    const BlobSums& s = file.sums;
    if (bytes.size() != (whole ? file.blob.size() : s.head) || s.head > file.blob.size())
        return false;
    return sum_of(bytes.substr(0, s.head)) == s.head_sum &&
           (!whole || sum_of(bytes.substr(s.head)) == s.tail_sum);
}

namespace {

// Copies `length` bytes at `at` of `fd` to `out` in the kernel: the bytes
// never enter this run's memory.
bool copy_range(std::FILE* out, int fd, std::int64_t at, std::uint64_t length) {
    if (std::fflush(out) != 0) return false;
    auto from = static_cast<off_t>(at);
    std::uint64_t done = 0;
    while (done < length) {
        ssize_t n = ::copy_file_range(fd, &from, ::fileno(out), nullptr,
                                      static_cast<std::size_t>(length - done), 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::uint64_t>(n);
    }
    // A file system without copy_file_range: read and write.
    std::string buffer;
    while (done < length) {
        buffer.resize(static_cast<std::size_t>(std::min<std::uint64_t>(length - done, 1 << 20)));
        if (!pread_all(fd, buffer.data(), buffer.size(), from) ||
            std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size())
            return false;
        from += static_cast<off_t>(buffer.size());
        done += buffer.size();
    }
    return true;
}

}  // namespace

bool write_image(std::FILE* out, const ImageHead& head, const std::vector<BlobRef>& blobs) {
    Header h{head.root, head.key, head.written_ns, {}};
    for (const auto& b : blobs)
        h.files.push_back(HeaderEntry{b.rel, b.stamp, b.length, b.sums});
    std::ostringstream hs(std::ios::binary);
    {
        cereal::BinaryOutputArchive a(hs);
        a(h);
    }
    std::string header = std::move(hs).str();
    std::uint64_t header_size = header.size();
    // The checksum covers the header after it; each blob has its own there.
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    XXH3_64bits_update(state, &format_version, sizeof format_version);
    XXH3_64bits_update(state, &header_size, sizeof header_size);
    XXH3_64bits_update(state, header.data(), header.size());
    std::uint64_t sum = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    bool ok = std::fwrite(magic, sizeof magic, 1, out) == 1 &&
              std::fwrite(&sum, sizeof sum, 1, out) == 1 &&
              std::fwrite(&format_version, sizeof format_version, 1, out) == 1 &&
              std::fwrite(&header_size, sizeof header_size, 1, out) == 1 &&
              std::fwrite(header.data(), 1, header.size(), out) == header.size();
    for (const auto& b : blobs) {
        if (!ok) break;
        if (b.fd >= 0)
            ok = copy_range(out, b.fd, b.at, b.length);
        else
            ok = std::fwrite(b.bytes.data(), 1, b.bytes.size(), out) == b.bytes.size();
    }
    return ok;
}

bool write_image(std::FILE* out, const CacheImage& image) {
    std::vector<BlobRef> blobs;
    for (const auto& f : image.files)
        blobs.push_back(BlobRef{f.rel, f.stamp, f.blob.size(), blob_sums(f.blob), f.blob});
    return write_image(out, ImageHead{image.root, image.key, image.written_ns}, blobs);
}

std::optional<CacheImage> read_image(std::string_view bytes) {
    constexpr std::size_t fixed = sizeof magic + 8 + 4 + 8;
    if (bytes.size() < fixed || std::memcmp(bytes.data(), magic, sizeof magic) != 0)
        return std::nullopt;
    std::uint64_t sum = 0, header_size = 0;
    std::uint32_t version = 0;
    std::memcpy(&sum, bytes.data() + 8, 8);
    std::memcpy(&version, bytes.data() + 16, 4);
    std::memcpy(&header_size, bytes.data() + 20, 8);
    if (version != format_version || header_size > bytes.size() - fixed) return std::nullopt;
    if (XXH3_64bits(bytes.data() + 16, 12 + header_size) != sum) return std::nullopt;
    Header h;
    try {
        In a(bytes.substr(fixed, header_size), InternedPath(), {});
        a(h);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    CacheImage image{std::move(h.root), std::move(h.key), h.written_ns, {}};
    std::size_t at = fixed + header_size;
    for (auto& e : h.files) {
        if (e.length > bytes.size() - at || e.sums.head > e.length) return std::nullopt;
        image.files.push_back(
            CachedFile{std::move(e.rel), e.stamp, bytes.substr(at, e.length), e.sums});
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
