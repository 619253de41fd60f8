#include "acct/load/source_text.h"

#include <algorithm>

namespace acctool {

SourceText::SourceText(InternedPath path, std::string text) : path_(path) {
    std::call_once(loaded_, [&] { index(std::move(text)); });
}

SourceText::SourceText(InternedPath path, std::shared_ptr<const ReadAgain> read)
    : path_(path), read_(std::move(read)) {}

void SourceText::index(std::string text) const {
    text_ = std::move(text);
    text_.erase(0, bom_length(text_));
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

void SourceText::ensure() const {
    std::call_once(loaded_, [&] { index(read_ ? (*read_)(path()) : std::string()); });
}

std::string_view SourceText::text() const {
    ensure();
    return text_;
}

SourceLocation SourceText::locate(std::uint32_t pos) const {
    ensure();
    pos = std::min<std::uint32_t>(pos, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
    auto line = static_cast<int>(it - line_starts_.begin());
    std::uint32_t start = *(it - 1);
    int column = 1;
    for (std::uint32_t i = start; i < pos; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return SourceLocation{path_, line, column};
}

Diagnostic SourceText::diagnose(Severity s, std::uint32_t pos, Message message) const {
    ensure();
    Diagnostic d;
    d.severity = s;
    d.where = locate(pos);
    d.message = words(message);
    d.said = std::move(message);
    std::uint32_t start = line_starts_[static_cast<size_t>(d.where.line - 1)];
    std::uint32_t end = start;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r')
        ++end;
    pos = std::min<std::uint32_t>(pos, static_cast<std::uint32_t>(text_.size()));
    d.source_line.assign(text_.data() + start, end - start);
    d.caret_offset = std::min(pos, end) - start;
    return d;
}

}  // namespace acctool
