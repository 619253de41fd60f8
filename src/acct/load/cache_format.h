#pragma once
// The bytes of the cache of parsed files: a checked header (file stamps,
// keys, and each blob's checksum) followed by one blob per file holding what
// read_record_file made of it. cereal writes the blobs, one small function per struct in
// cache_format.cpp; a record kind added to FileRecords gets one more.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "acct/load/file_records.h"

namespace acctool {

// What stat says of a file: any change means it is read again.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;

    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// A blob is its head, the fields every command reads, then its tail, the
// interactions, which `due` and `check` skip: each has its own checksum, so
// that a run reads and checks only the part it uses.
struct BlobSums {
    std::uint64_t head = 0;  // the head's length
    std::uint64_t head_sum = 0;
    std::uint64_t tail_sum = 0;
};

struct CachedFile {
    std::string rel;  // relative to the workspace root
    FileStamp stamp;
    std::string_view blob;  // encode_records(); points into the image's bytes
    BlobSums sums;          // as read_image found them
};

struct CacheImage {
    std::string root;               // the workspace's real path
    std::string key;                // build id and the acct.yaml parts reading uses
    std::int64_t written_ns = 0;    // when writing began, by the file system's clock
    std::vector<CachedFile> files;  // by rel
};

// Without `source` (the text is not kept): the reader sets it.
std::string encode_records(const FileRecords& records);
// Decodes into `into`; false when the blob does not decode (`into` is then
// partly filled). Without `with_interactions` the interactions are skipped
// (not what FileRecords keeps of them), and the blob's head is enough.
bool decode_records(std::string_view blob, const InternedPath& rel, bool with_interactions,
                    FileRecords& into);
// The checksums of a blob of encode_records(); bytes that are not one are
// all head.
BlobSums blob_sums(std::string_view blob);
// Whether `bytes`, read from the image, are `file`'s blob as it was written:
// the whole blob, or (not `whole`) its head.
bool blob_intact(std::string_view bytes, const CachedFile& file, bool whole = true);

// What an image says of itself.
struct ImageHead {
    std::string root, key;
    std::int64_t written_ns = 0;
};

// A blob to write: `bytes`, or (with `fd`) the `length` bytes at `at` of an
// open file, which the kernel copies without them entering this run's memory.
struct BlobRef {
    std::string rel;
    FileStamp stamp;
    std::uint64_t length = 0;
    BlobSums sums;
    std::string_view bytes;
    int fd = -1;
    std::int64_t at = 0;
};

// Writes an image with its magic, format version and checksum to `out`.
// Returns false when a write failed.
bool write_image(std::FILE* out, const ImageHead& head, const std::vector<BlobRef>& blobs);
// The same, of blobs in memory.
bool write_image(std::FILE* out, const CacheImage& image);

// nullopt for bytes that are not a whole image of this format with an
// intact header; the blobs point into `bytes`, which must outlive the image,
// and are checked one by one when read (blob_intact), so that a run reads
// only the blobs, and the parts of them, it uses.
std::optional<CacheImage> read_image(std::string_view bytes);

// The acct.yaml settings that read_record_file uses, as text for the key.
std::string reading_key(const Config& config);

}  // namespace acctool
