#include "acct/load/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

#include <fmt/format.h>

namespace acctool {

namespace {

int find_note(dl_phdr_info* info, std::size_t, void* data) {
    auto& out = *static_cast<std::string*>(data);
    // The first object is the program itself.
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
        const char* end = p + ph.p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) n;
            std::memcpy(&n, p, sizeof n);
            const char* name = p + sizeof n;
            const char* desc = name + ((n.n_namesz + 3) & ~3u);
            if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0 && desc + n.n_descsz <= end) {
                for (unsigned j = 0; j < n.n_descsz; ++j)
                    out += fmt::format("{:02x}", static_cast<unsigned char>(desc[j]));
                return 1;
            }
            p = desc + ((n.n_descsz + 3) & ~3u);
        }
    }
    return 1;
}

}  // namespace

std::string build_id() {
    static const std::string id = [] {
        std::string out;
        dl_iterate_phdr(find_note, &out);
        return out;
    }();
    return id;
}

}  // namespace acctool
