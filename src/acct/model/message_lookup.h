#pragma once
// How words() finds a message's id in the catalog of the current language:
// lang/translate.cpp sets it when the language is chosen, since the model
// layer does not know the catalogs.
namespace acctool {

using MessageLookup = const char* (*)(const char* id);
// nullptr: ids are written as they are (English).
void set_message_lookup(MessageLookup lookup);

}  // namespace acctool
