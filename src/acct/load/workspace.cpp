#include "acct/load/workspace.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/load/as_of_checks.h"
#include "acct/load/assemble.h"
#include "acct/load/build_id.h"
#include "acct/load/config.h"
#include "acct/load/fields.h"
#include "acct/load/file_cache.h"
#include "acct/os/parallel.h"

namespace fs = std::filesystem;

namespace acctool {

WorkspaceSearch find_workspace(const std::optional<std::string>& dir_option,
                               const std::optional<std::string>& env_dir, const fs::path& cwd) {
    WorkspaceSearch out;
    std::error_code ec;
    auto holds = [&](const fs::path& d) { return fs::is_regular_file(d / "acct.yaml", ec); };
    if (dir_option || (env_dir && !env_dir->empty())) {
        fs::path d = dir_option ? fs::path(*dir_option) : fs::path(*env_dir);
        out.tried = dir_option ? trf("{} (from -C/--dir)", d.string())
                               : trf("{} (from ACCT_DIR)", d.string());
        if (holds(d)) out.root = fs::absolute(d, ec).lexically_normal();
        return out;
    }
    out.tried = trf("{} and its parent directories", cwd.string());
    for (fs::path d = cwd;; d = d.parent_path()) {
        if (holds(d)) {
            out.root = d;
            return out;
        }
        if (d == d.parent_path() || d.empty()) return out;
    }
}

namespace {

struct FileJob {
    std::size_t client;
    std::size_t slot;  // in the client's files
    std::string rel;   // relative to the root
    bool client_file;
    std::optional<FileStamp> stamp;  // as the folder was listed, when the cache is used
};

struct Walk {
    std::vector<ClientFiles> clients;
    std::vector<FileJob> jobs;
    std::vector<Diagnostic> diagnostics;
};

bool is_yaml_name(const std::string& name) {
    auto ends = [&](std::string_view s) {
        return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return ends(".yaml") || ends(".yml");
}

Diagnostic whole_file(const std::string& rel, Severity s, std::string message) {
    Diagnostic d;
    d.severity = s;
    d.where = SourceLocation{rel, 1, 1};
    d.message = std::move(message);
    return d;
}

// What one folder holds: its folders (not `.` and `_` ones, not links to
// folders: a link loop would never end) and its YAML files.
struct YamlFile {
    std::string name;
    std::optional<FileStamp> stamp;  // with `stamps`, what stat says of it
};
struct Listing {
    std::vector<std::string> subdirs;
    std::vector<YamlFile> yaml_files;
    bool has_client = false;
};
using Listings = std::map<std::string, Listing>;  // by folder, relative to the root

// With `stamps`, each YAML file's stat for the cache, taken here from the
// folder's descriptor: a lookup of one name, not of the whole path.
Listing list_folder(const fs::path& dir, bool stamps) {
    Listing out;
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return out;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return out;
    }
    while (const dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        unsigned char type = e->d_type;
        struct stat st {};
        if (type == DT_UNKNOWN) {  // some file systems do not say
            if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            type = S_ISDIR(st.st_mode)   ? DT_DIR
                   : S_ISLNK(st.st_mode) ? DT_LNK
                   : S_ISREG(st.st_mode) ? DT_REG
                                         : DT_UNKNOWN;
        }
        if (type == DT_DIR) {
            if (name[0] != '.' && name[0] != '_') out.subdirs.push_back(std::move(name));
            continue;
        }
        if (!is_yaml_name(name)) continue;
        // A link is followed: a link to a file is that file. A file listed
        // as one stays when its stat fails (a folder that can be listed but
        // not entered): without a stamp, it is read, and says why it cannot be.
        const bool stated = (stamps || type != DT_REG) && ::fstatat(fd, e->d_name, &st, 0) == 0;
        if (type != DT_REG && !(stated && S_ISREG(st.st_mode))) continue;
        if (name == "client.yaml") out.has_client = true;
        out.yaml_files.push_back(YamlFile{
            std::move(name), stamps && stated ? std::optional(stamp_of(st)) : std::nullopt});
    }
    ::closedir(d);
    return out;
}

bool leads_to(const std::optional<std::string>& only, const std::string& sub) {
    return !only || *only == sub || only->starts_with(sub + "/");
}

// Every folder under the root, a level at a time, each level's folders
// listed on every core: listing a thousand client folders is a thousand
// open, read and close calls.
Listings list_folders(const fs::path& root, const std::optional<std::string>& only, bool stamps) {
    Listings out;
    std::vector<std::string> level{""};
    while (!level.empty()) {
        std::vector<Listing> got(level.size());
        parallel_for(
            level.size(),
            [&](std::size_t i) {
                got[i] = list_folder(level[i].empty() ? root : root / level[i], stamps);
            },
            16);
        std::vector<std::string> next;
        for (std::size_t i = 0; i < level.size(); ++i) {
            for (const auto& s : got[i].subdirs) {
                std::string sub = level[i].empty() ? s : level[i] + "/" + s;
                if (leads_to(only, sub)) next.push_back(std::move(sub));
            }
            out.emplace(std::move(level[i]), std::move(got[i]));
        }
        level = std::move(next);
    }
    return out;
}

// Depth-first, in byte order of names, over the folders listed.
void walk(Listings& listings, const std::string& rel, Walk& out,
          std::map<std::string, std::string>& seen_ids, const Overlay& overlay,
          const std::optional<std::string>& only) {
    auto listed = listings.find(rel);
    Listing here = listed != listings.end() ? std::move(listed->second) : Listing{};
    std::vector<std::string>& subdirs = here.subdirs;
    std::vector<YamlFile>& yaml_files = here.yaml_files;
    bool& has_client = here.has_client;
    // Files and folders a write is about to create.
    std::string prefix = rel.empty() ? "" : rel + "/";
    for (const auto& [path, text] : overlay) {
        if (path.compare(0, prefix.size(), prefix) != 0) continue;
        std::string rest = path.substr(prefix.size());
        auto slash = rest.find('/');
        std::string name = rest.substr(0, slash);
        if (slash != std::string::npos) {
            if (std::find(subdirs.begin(), subdirs.end(), name) == subdirs.end())
                subdirs.push_back(name);
        } else if (std::none_of(yaml_files.begin(), yaml_files.end(),
                                [&](const YamlFile& f) { return f.name == name; })) {
            yaml_files.push_back(YamlFile{name, std::nullopt});
        }
        if (name == "client.yaml") has_client = true;
    }
    std::sort(subdirs.begin(), subdirs.end());
    std::sort(yaml_files.begin(), yaml_files.end(),
              [](const YamlFile& a, const YamlFile& b) { return a.name < b.name; });
    if (has_client && !rel.empty() && (!only || rel == *only)) {
        std::string id = rel.substr(rel.rfind('/') + 1);
        std::string client_yaml = rel + "/client.yaml";
        if (!is_slug(id)) {
            out.diagnostics.push_back(whole_file(
                client_yaml, Severity::error,
                words(say("folder name '{}' is not a valid client id: use lower-case letters, "
                          "digits, '.', '_' and '-', starting with a letter or digit, at most 64 "
                          "(the client is skipped)",
                          id))));
        } else if (auto [it, fresh] = seen_ids.emplace(id, rel); !fresh) {
            out.diagnostics.push_back(whole_file(
                client_yaml, Severity::error,
                words(say("duplicate client id '{}', first at {}/client.yaml (this folder is "
                          "skipped)",
                          id, it->second))));
        } else {
            out.clients.push_back(ClientFiles{id, rel, {}});
            for (std::size_t k = 0; k < yaml_files.size(); ++k)
                out.jobs.push_back(
                    FileJob{out.clients.size() - 1, k, rel + "/" + yaml_files[k].name,
                            yaml_files[k].name == "client.yaml", yaml_files[k].stamp});
        }
    }
    for (const auto& s : subdirs) {
        std::string sub = rel.empty() ? s : rel + "/" + s;
        if (leads_to(only, sub)) walk(listings, sub, out, seen_ids, overlay, only);
    }
}

struct ReadFile {
    std::optional<std::string> text;
    std::string error;
    bool io_error = true;  // false: refused for its size
};

ReadFile read_file(const fs::path& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_record_file_bytes)
        return {std::nullopt,
                words(say("the file is larger than {} MiB; it is ignored",
                          max_record_file_bytes >> 20)),
                false};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, words(say("cannot read: {}", std::strerror(errno)))};
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return {std::nullopt, words(say("cannot read: {}", std::strerror(errno)))};
    return {std::move(ss).str(), {}};
}

// A file's text, read again only when a diagnostic must point into it.
std::shared_ptr<const SourceText> lazy_source(const std::shared_ptr<const ReadAgain>& read,
                                              const std::string& rel, const Overlay& overlay) {
    auto over = overlay.find(rel);
    if (over != overlay.end())
        return std::make_shared<const SourceText>(rel, std::string(over->second));
    return std::make_shared<const SourceText>(rel, read);
}

}  // namespace

std::vector<std::string> list_client_ids(const fs::path& root) {
    Walk w;
    std::map<std::string, std::string> seen_ids;
    Listings listings = list_folders(root, std::nullopt, false);
    walk(listings, "", w, seen_ids, {}, std::nullopt);
    std::vector<std::string> ids;
    for (const auto& c : w.clients)
        ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string cache_key(const Config& config) {
    // The language too: a message's arguments may be words of this run's
    // language ("a mapping", "the contract is skipped").
    return fmt::format("{} {} {}", build_id(), reading_key(config),
                       static_cast<int>(current_language()));
}

CacheState cache_state(const fs::path& root, const CacheUse& cache) {
    Config config;
    if (auto text = read_file(root / "acct.yaml").text)
        config = read_config(SourceText("acct.yaml", std::move(*text))).config;
    CacheInfo i = cache_info(cache.dir, root, cache_key(config));
    return CacheState{i.file,  i.exists, i.valid && !build_id().empty(),
                      i.bytes, i.files,  i.data_bytes};
}

bool remove_cache(const fs::path& root, const CacheUse& cache) {
    return clear_cache(cache.dir, root);
}

LoadResult load_workspace(const fs::path& root, Date as_of, const Overlay& overlay,
                          const std::optional<std::string>& only, const CacheUse& cache_opt,
                          bool with_interactions) {
    LoadResult out;
    out.workspace.root = root.string();
    out.workspace.interactions_loaded = with_interactions;
    out.workspace.parses = cache_opt.parses;

    ReadFile cfg_file = read_file(root / "acct.yaml");
    if (cfg_file.text) {
        ConfigRead cfg = read_config(SourceText("acct.yaml", std::move(*cfg_file.text)));
        out.workspace.config = std::move(cfg.config);
        for (auto& d : cfg.diagnostics)
            out.diagnostics.push_back(std::move(d));
    } else {
        out.io_error |= cfg_file.io_error;
        out.diagnostics.push_back(whole_file("acct.yaml", Severity::error, cfg_file.error));
    }
    const Config& config = out.workspace.config;

    Walk w;
    std::map<std::string, std::string> seen_ids;
    const bool use_cache = !cache_opt.dir.empty() && !build_id().empty();
    Listings listings = list_folders(root, only, use_cache);
    walk(listings, "", w, seen_ids, overlay, only);
    for (auto& d : w.diagnostics)
        out.diagnostics.push_back(std::move(d));

    // Files are independent: read and parse them (or take them from the
    // cache) on every core.
    std::optional<FileCache> cache;
    // A writer's check of one folder, or of files not yet on disk, leaves the
    // cache as it is.
    bool cache_writable = !only && overlay.empty();
    if (use_cache) cache.emplace(cache_opt.dir, root, cache_key(config), cache_opt.now_ns);
    // Each client's files on any core, each file's records straight into
    // their place among the client's; a client's jobs follow each other.
    std::vector<std::size_t> first_job(w.clients.size() + 1, 0);
    for (const auto& job : w.jobs)
        ++first_job[job.client + 1];
    for (std::size_t c = 0; c < w.clients.size(); ++c)
        first_job[c + 1] += first_job[c];
    const auto read_again =
        std::make_shared<const ReadAgain>([root = fs::path(root)](const std::string& rel) {
            return read_file(root / rel).text.value_or("");
        });
    std::vector<char> read_ok(w.jobs.size(), 0);
    std::vector<ReadFile> read_errors(w.jobs.size());
    std::vector<FileCache::Seen> seen(w.jobs.size());
    std::vector<char> from_cache(w.jobs.size(), 0);
    std::vector<std::vector<Diagnostic>> after_as_of(w.jobs.size());
    ReadOptions options{config, cache_opt.parses.get()};
    auto read_one = [&](std::size_t i, FileRecords& records) {
        const FileJob& job = w.jobs[i];
        auto over = overlay.find(job.rel);
        std::optional<FileStamp> stamp;
        if (cache && over == overlay.end()) stamp = job.stamp;
        if (stamp) {
            if (cache->find(InternedPath(job.rel), *stamp, with_interactions, records)) {
                records.source = lazy_source(read_again, job.rel, overlay);
                check_as_of(records, as_of, after_as_of[i]);
                read_ok[i] = from_cache[i] = 1;
                seen[i] = FileCache::Seen{job.rel, *stamp, {}};
                return;
            }
        }
        ReadFile f =
            over != overlay.end() ? ReadFile{over->second, {}, false} : read_file(root / job.rel);
        if (!f.text) {
            read_errors[i] = std::move(f);
            return;
        }
        auto source = std::make_shared<const SourceText>(job.rel, std::move(*f.text));
        records = read_record_file(source, job.client_file, w.clients[job.client].id, options);
        if (stamp && cache_writable)
            if (auto kept = cache->spool(encode_records(records)))
                seen[i] = FileCache::Seen{job.rel, *stamp, kept};
        // Not `= {}`, which keeps the capacity.
        if (!with_interactions) records.interactions = std::vector<Interaction>();
        check_as_of(records, as_of, after_as_of[i]);
        // The text is not kept: a diagnostic that needs it reads it again.
        records.source = lazy_source(read_again, job.rel, overlay);
        read_ok[i] = 1;
    };
    parallel_for(w.clients.size(), [&](std::size_t c) {
        auto& files = w.clients[c].files;
        files.resize(first_job[c + 1] - first_job[c]);
        for (std::size_t i = first_job[c]; i < first_job[c + 1]; ++i)
            read_one(i, files[w.jobs[i].slot]);
    });

    bool unread = false;
    for (std::size_t i = 0; i < w.jobs.size(); ++i) {
        if (!read_ok[i]) {
            unread = true;
            out.io_error |= read_errors[i].io_error;
            out.diagnostics.push_back(
                whole_file(w.jobs[i].rel, Severity::error, read_errors[i].error));
        } else if (from_cache[i]) {
            ++out.files_cached;
        } else if (!overlay.count(w.jobs[i].rel)) {
            ++out.files_parsed;
        }
    }
    // A file that could not be read holds no place among its client's.
    if (unread)
        for (std::size_t i = w.jobs.size(); i-- > 0;)
            if (!read_ok[i]) {
                auto& files = w.clients[w.jobs[i].client].files;
                files.erase(files.begin() + static_cast<std::ptrdiff_t>(w.jobs[i].slot));
            }
    if (cache && cache_writable) {
        std::vector<FileCache::Seen> files;
        for (auto& s : seen)
            if (!s.rel.empty()) files.push_back(std::move(s));
        cache->update(std::move(files));
    }
    cache.reset();  // its bytes are not needed any more
    out.workspace.files_read = static_cast<int>(w.jobs.size()) + 1;
    for (auto& said : after_as_of)
        for (auto& d : said)
            out.diagnostics.push_back(std::move(d));
    Assembled a = assemble(std::move(w.clients), config, as_of);
    out.workspace.clients = std::move(a.clients);
    for (auto& d : a.diagnostics)
        out.diagnostics.push_back(std::move(d));
    sort_diagnostics(out.diagnostics);
    return out;
}

}  // namespace acctool
