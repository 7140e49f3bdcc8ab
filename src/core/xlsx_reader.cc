#include "core/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <string_view>

namespace cx::xlsx {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

// The parser is namespace-aware: names arrive as "uri|local" (or "local"
// when unqualified), so prefixed parts (<x:c>) read like unprefixed ones.
std::string_view Local(const char* name) {
  std::string_view text(name);
  const size_t bar = text.rfind('|');
  return bar == std::string_view::npos ? text : text.substr(bar + 1);
}

// The value of the attribute with local name `local` (any namespace unless
// `namespaced`, then only a qualified one), or nullptr.
const char* Attribute(const char** attributes, std::string_view local, bool namespaced = false) {
  for (size_t index = 0; attributes[index]; index += 2) {
    const std::string_view name(attributes[index]);
    if (namespaced && name.find('|') == std::string_view::npos) continue;
    if (Local(attributes[index]) == local) return attributes[index + 1];
  }
  return nullptr;
}

// Appends `text` to a cell's text; false (and `text` left out) once the
// cell would pass kMaxCellBytes.
bool AppendCellText(std::string& cell, std::string_view text) {
  if (cell.size() + text.size() > kMaxCellBytes) return false;
  cell += text;
  return true;
}

std::string TooLong(const std::string& where) {
  return where + ": the text is longer than " + std::to_string(kMaxCellBytes / 3) +
         " characters, Excel's limit for a cell; refused";
}

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// What an XML part's reader does with its elements. A handler stops the
// parse by setting `error`.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void Start(std::string_view name, const char** attributes) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view /*text*/) {}
  // Aborts the parse once `error` is set: no callback runs after it.
  void StopOnError() {
    if (!error.empty() && !stopped_) {
      stopped_ = true;
      XML_StopParser(parser, XML_FALSE);
    }
  }
  std::string error;
  XML_Parser parser = nullptr;

 private:
  bool stopped_ = false;
};

class Reader {
 public:
  Reader(std::string file, zip_t* archive) : file_(std::move(file)), archive_(archive) {}

  bool Has(const std::string& part) const {
    return zip_name_locate(archive_, part.c_str(), ZIP_FL_NOCASE) >= 0;
  }

  // Streams `part` through expat into `handler`.
  Status Parse(const std::string& part, Handler& handler) const {
    const zip_int64_t index = zip_name_locate(archive_, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0)
      return InvalidInput("not an XLSX workbook: the part " + part + " is missing", file_);
    zip_file_t* raw = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (!raw) return Broken(part, zip_strerror(archive_));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> entry(raw, zip_fclose);
    std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreateNS(nullptr, '|'));
    if (!parser) return Internal("cannot create an XML parser", file_);
    handler.parser = parser.get();
    XML_SetUserData(parser.get(), &handler);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
          auto* self = static_cast<Handler*>(data);
          self->Start(Local(name), attributes);
          self->StopOnError();
        },
        [](void* data, const XML_Char* name) {
          auto* self = static_cast<Handler*>(data);
          self->End(Local(name));
          self->StopOnError();
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
      auto* self = static_cast<Handler*>(data);
      self->Text(std::string_view(text, static_cast<size_t>(length)));
      self->StopOnError();
    });
    // expat 2.5 (Debian 12) parses a token that a buffer leaves incomplete
    // again from its start with the next buffer (expat 2.6 added "reparse
    // deferral" for this, CVE-2023-52425), so a 16 MB comment read in 64 KiB
    // pieces was scanned 256 times: 2 s for an 18 KB file. Doubling the
    // piece up to kMaxPiece keeps the rescans to a few times the part.
    constexpr int kFirstPiece = 1 << 16;
    constexpr int kMaxPiece = 16 << 20;
    int piece = kFirstPiece;
    long long total = 0;
    while (true) {
      void* buffer = XML_GetBuffer(parser.get(), piece);
      if (!buffer) return Internal("out of memory reading the part " + part, file_);
      const zip_int64_t got = zip_fread(entry.get(), buffer, static_cast<zip_uint64_t>(piece));
      if (got < 0) return Broken(part, zip_file_strerror(entry.get()));
      total += got;
      if (total > kMaxPartBytes) {
        return InvalidInput("the part " + part + " unpacks to more than " +
                                std::to_string(kMaxPartBytes >> 20) + " MiB; refused",
                            file_);
      }
      const bool last = got == 0;
      const auto status =
          XML_ParseBuffer(parser.get(), static_cast<int>(got), last ? XML_TRUE : XML_FALSE);
      if (!handler.error.empty()) return InvalidInput(handler.error, file_);
      if (status == XML_STATUS_ERROR) {
        return InvalidInput("the part " + part + " is not well-formed XML (line " +
                                std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                                ", column " +
                                std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1) +
                                ": " + XML_ErrorString(XML_GetErrorCode(parser.get())) + ")",
                            file_);
      }
      if (last) break;
      piece = std::min(piece * 2, kMaxPiece);
    }
    return Ok();
  }

 private:
  Error Broken(const std::string& part, const char* why) const {
    return InvalidInput("cannot read the part " + part + " of the archive: " + why, file_);
  }

  std::string file_;
  zip_t* archive_;
};

// A part's relationships (Id -> (Type, Target resolved against the part's folder)).
struct Relationship {
  std::string type;
  std::string target;
};

std::string Folder(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// Resolves a relationship target: absolute ("/xl/...") from the archive's
// root, relative from the source part's folder, with "." and ".." segments.
std::string Resolve(const std::string& source_part, const std::string& target) {
  const std::string joined =
      !target.empty() && target[0] == '/' ? target.substr(1) : Folder(source_part) + target;
  std::vector<std::string> segments;
  size_t begin = 0;
  while (begin <= joined.size()) {
    size_t end = joined.find('/', begin);
    if (end == std::string::npos) end = joined.size();
    const std::string segment = joined.substr(begin, end - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = end + 1;
  }
  std::string path;
  for (const auto& segment : segments) path += (path.empty() ? "" : "/") + segment;
  return path;
}

std::string RelsOf(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos
             ? "_rels/" + part + ".rels"
             : part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

class RelationshipsHandler : public Handler {
 public:
  explicit RelationshipsHandler(std::string source) : source_(std::move(source)) {}
  void Start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = Attribute(attributes, "Id");
    const char* type = Attribute(attributes, "Type");
    const char* target = Attribute(attributes, "Target");
    const char* mode = Attribute(attributes, "TargetMode");
    if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
    relationships[id] = {type, Resolve(source_, target)};
  }
  void End(std::string_view) override {}

  std::map<std::string, Relationship> relationships;

 private:
  std::string source_;
};

class WorkbookHandler : public Handler {
 public:
  void Start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const char* value = Attribute(attributes, "date1904");
      date1904 = value && (std::string_view(value) == "1" || std::string_view(value) == "true");
    } else if (name == "sheet") {
      const char* sheet_name = Attribute(attributes, "name");
      const char* id = Attribute(attributes, "id", true);
      if (sheet_name && id) sheets.push_back({sheet_name, id});
    }
  }
  void End(std::string_view) override {}

  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> sheets;  // (name, relationship id), tab order
};

// Shared strings: <si> holds <t>, or runs <r><t>..</t></r> to concatenate;
// <rPh> (phonetic hints) is not part of the text.
class SharedStringsHandler : public Handler {
 public:
  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      strings.push_back(std::move(current_));
      current_.clear();
      in_item_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_text_ && !AppendCellText(current_, text)) {
      error = TooLong("shared string " + std::to_string(strings.size()));
    }
  }

  std::vector<std::string> strings;

 private:
  std::string current_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_ = 0;
};

// "C4" -> column 3, row 4. False unless letters then digits, within XFD1048576.
bool ParseReference(std::string_view reference, int& column, int& row) {
  size_t at = 0;
  long long col = 0, number = 0;
  while (at < reference.size() && reference[at] >= 'A' && reference[at] <= 'Z' && at < 3) {
    col = col * 26 + (reference[at] - 'A' + 1);
    ++at;
  }
  if (at == 0 || at == reference.size()) return false;
  const size_t digits = at;
  while (at < reference.size() && reference[at] >= '0' && reference[at] <= '9' && at - digits < 7) {
    number = number * 10 + (reference[at] - '0');
    ++at;
  }
  if (at != reference.size() || number < 1 || number > 1048576 || col > 16384) return false;
  column = static_cast<int>(col);
  row = static_cast<int>(number);
  return true;
}

class SheetHandler : public Handler {
 public:
  SheetHandler(const std::string& sheet, const std::vector<std::string>* shared)
      : sheet_(sheet), shared_(shared) {}

  void Start(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      int number = last_row_ + 1;
      if (const char* r = Attribute(attributes, "r")) {
        const std::string_view text(r);
        number = 0;
        for (char c : text) {
          if (c < '0' || c > '9' || number > 1048576) {
            number = 0;
            break;
          }
          number = number * 10 + (c - '0');
        }
        if (number < 1 || number > 1048576) {
          error = sheet_ + ": row number '" + std::string(text) + "' is not 1 to 1048576";
          return;
        }
      }
      row_ = Row{number, {}};
      last_row_ = number;
      last_column_ = 0;
    } else if (name == "c") {
      in_cell_ = true;
      column_ = last_column_ + 1;
      if (const char* r = Attribute(attributes, "r")) {
        int row = 0;
        if (!ParseReference(r, column_, row) || row != row_.number) {
          error = sheet_ + ": cell reference '" + r + "' is not a cell of row " +
                  std::to_string(row_.number);
          return;
        }
      }
      last_column_ = column_;
      const char* type = Attribute(attributes, "t");
      type_ = type ? type : "n";
      value_.clear();
      inline_text_.clear();
      has_value_ = false;
    } else if (in_cell_ && name == "v") {
      in_value_ = true;
      has_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
      has_value_ = true;
    } else if (in_inline_ && name == "rPh") {
      ++phonetic_;
    } else if (in_inline_ && name == "t" && phonetic_ == 0) {
      in_inline_text_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      if (!row_.cells.empty()) rows.push_back(std::move(row_));
      row_ = Row{};
    } else if (name == "c") {
      in_cell_ = false;
      FinishCell();
    } else if (name == "v") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      if (in_inline_) --phonetic_;
    } else if (name == "t") {
      in_inline_text_ = false;
    }
  }

  void Text(std::string_view text) override {
    if ((in_value_ && !AppendCellText(value_, text)) ||
        (in_inline_text_ && !AppendCellText(inline_text_, text))) {
      error = TooLong(Where());
    }
  }

  std::vector<Row> rows;

 private:
  std::string Where() const { return CellReference(sheet_, column_, row_.number); }

  void FinishCell() {
    if (!has_value_) return;  // a formatted cell with no value
    Cell cell;
    cell.column = column_;
    if (type_ == "s") {
      size_t index = 0;
      bool ok = !value_.empty() && value_.size() < 10;
      for (char c : value_) {
        if (c < '0' || c > '9') ok = false;
        index = index * 10 + static_cast<size_t>(c - '0');
      }
      if (!ok || !shared_ || index >= shared_->size()) {
        error = Where() + ": shared string '" + value_ + "' does not exist in the workbook";
        return;
      }
      cell.text = (*shared_)[index];
    } else if (type_ == "inlineStr") {
      cell.text = inline_text_;
    } else if (type_ == "str" || type_ == "d") {
      cell.text = value_;  // a formula's text result; an ISO 8601 date as text
    } else if (type_ == "b") {
      cell.kind = CellKind::kBoolean;
      cell.text = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "e") {
      cell.kind = CellKind::kError;
      cell.text = value_;
    } else if (type_ == "n") {
      cell.kind = CellKind::kNumber;
      cell.text = value_;
      char* end = nullptr;
      const double number = std::strtod(value_.c_str(), &end);
      if (value_.empty() || end != value_.c_str() + value_.size() || !std::isfinite(number)) {
        error = Where() + ": the number '" + value_ + "' is not a number";
        return;
      }
    } else {
      error = Where() + ": unknown cell type '" + type_ + "'";
      return;
    }
    row_.cells.push_back(std::move(cell));
  }

  std::string sheet_;
  const std::vector<std::string>* shared_;
  bool in_data_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false,
       in_inline_text_ = false, has_value_ = false;
  int phonetic_ = 0;
  int last_row_ = 0, last_column_ = 0, column_ = 0;
  Row row_;
  std::string type_, value_, inline_text_;
};

}  // namespace

std::string CellName(int column, int row) {
  std::string letters;
  for (int rest = column; rest > 0; rest = (rest - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (rest - 1) % 26));
  return letters + std::to_string(row);
}

std::string CellReference(const std::string& sheet, int column, int row) {
  const bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  });
  std::string name = sheet;
  if (!plain) {
    name = "'";
    for (char c : sheet) name += c == '\'' ? std::string("''") : std::string(1, c);
    name += "'";
  }
  return name + "!" + CellName(column, row);
}

std::optional<std::chrono::sys_days> SerialToDate(double serial, bool date1904) {
  using std::chrono::December;
  using std::chrono::January;
  using std::chrono::sys_days;
  using std::chrono::year;
  if (!std::isfinite(serial)) return std::nullopt;
  const double whole = std::floor(serial);
  const std::chrono::days offset{static_cast<long>(std::clamp(whole, -1.0, 3e6))};
  if (date1904) {
    // 9999-12-31 is serial 2957003 in the 1904 system (2958465 - 1462).
    if (whole < 0 || whole > 2957003) return std::nullopt;
    return sys_days{year{1904} / January / 1} + offset;
  }
  if (whole < 1 || whole == 60 || whole > 2958465) return std::nullopt;
  const sys_days base =
      whole < 60 ? sys_days{year{1899} / December / 31} : sys_days{year{1899} / December / 30};
  return base + offset;
}

Result<Sheet> ReadFirstSheet(const std::string& path) {
  int code = 0;
  zip_t* raw = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!raw) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ)
      return IoError("cannot open the file: " + why, path);
    return InvalidInput("not an XLSX workbook (" + why + ")", path);
  }
  Archive archive(raw);
  Reader reader(path, archive.get());

  // The workbook part: named by the package's relationships, else the usual place.
  std::string workbook = "xl/workbook.xml";
  if (reader.Has("_rels/.rels")) {
    RelationshipsHandler package("");
    if (auto parsed = reader.Parse("_rels/.rels", package); !parsed) return parsed.error();
    for (const auto& [id, relationship] : package.relationships) {
      if (EndsWith(relationship.type, "/officeDocument")) workbook = relationship.target;
    }
  }
  WorkbookHandler book;
  if (auto parsed = reader.Parse(workbook, book); !parsed) return parsed.error();
  RelationshipsHandler links(workbook);
  if (auto parsed = reader.Parse(RelsOf(workbook), links); !parsed) return parsed.error();

  Sheet sheet;
  sheet.date1904 = book.date1904;
  std::string sheet_part;
  for (const auto& [name, id] : book.sheets) {
    auto link = links.relationships.find(id);
    if (link == links.relationships.end() || !EndsWith(link->second.type, "/worksheet")) continue;
    sheet.name = name;
    sheet_part = link->second.target;
    break;
  }
  if (sheet_part.empty()) return InvalidInput("the workbook has no worksheet", path);

  std::vector<std::string> shared;
  for (const auto& [id, relationship] : links.relationships) {
    if (!EndsWith(relationship.type, "/sharedStrings")) continue;
    SharedStringsHandler strings;
    if (auto parsed = reader.Parse(relationship.target, strings); !parsed) return parsed.error();
    shared = std::move(strings.strings);
  }
  SheetHandler cells(sheet.name, &shared);
  if (auto parsed = reader.Parse(sheet_part, cells); !parsed) return parsed.error();
  sheet.rows = std::move(cells.rows);
  // The format asks for ascending rows and cells; a writer that breaks this
  // still reads in sheet order.
  std::stable_sort(sheet.rows.begin(), sheet.rows.end(),
                   [](const Row& a, const Row& b) { return a.number < b.number; });
  for (auto& row : sheet.rows) {
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
  }
  return sheet;
}

}  // namespace cx::xlsx
