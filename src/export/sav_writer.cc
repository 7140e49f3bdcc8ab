#include <readstat.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "core/file_commit.h"
#include "export/writers.h"

namespace cx::exporting {
namespace {

ssize_t WriteBytes(const void* data, size_t length, void* context) {
  FILE* file = static_cast<FILE*>(context);
  return static_cast<ssize_t>(std::fwrite(data, 1, length, file));
}

Error ReadStatError(readstat_error_t error, const std::string& path, const std::string& what) {
  return IoError("cannot write the SPSS file (" + what + "): " + readstat_error_message(error),
                 path);
}

}  // namespace

Status WriteSav(const ExportTable& table, const std::string& path) {
  const std::string temporary = TemporaryPathFor(path);
  FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) return IoError("cannot write the file", path);
  std::unique_ptr<readstat_writer_t, decltype(&readstat_writer_free)> writer(readstat_writer_init(),
                                                                             &readstat_writer_free);
  auto fail = [&](Error error) -> Status {
    std::fclose(file);
    return DiscardFile(temporary, std::move(error));
  };
  readstat_set_data_writer(writer.get(), &WriteBytes);
  readstat_writer_set_file_label(writer.get(), table.title.substr(0, 64).c_str());

  std::vector<readstat_variable_t*> variables;
  for (size_t col = 0; col < table.columns.size(); ++col) {
    const Column& column = table.columns[col];
    readstat_variable_t* variable = nullptr;
    if (column.kind == ColumnKind::kText) {
      // SPSS strings have a fixed width in bytes: the longest value (at least 1).
      size_t width = 1;
      for (const auto& row : table.rows) {
        if (const std::string* text = std::get_if<std::string>(&row[col]))
          width = std::max(width, text->size());
      }
      variable =
          readstat_add_variable(writer.get(), column.name.c_str(), READSTAT_TYPE_STRING, width);
    } else {
      variable = readstat_add_variable(writer.get(), column.name.c_str(), READSTAT_TYPE_DOUBLE, 0);
      if (!column.value_labels.empty()) {
        readstat_label_set_t* labels = readstat_add_label_set(writer.get(), READSTAT_TYPE_DOUBLE,
                                                              ("labels_" + column.name).c_str());
        for (const auto& [code, label] : column.value_labels)
          readstat_label_double_value(labels, code, label.c_str());
        readstat_variable_set_label_set(variable, labels);
      }
      if (column.missing_code)
        readstat_variable_add_missing_double_value(variable, *column.missing_code);
      readstat_variable_set_measure(variable, column.value_labels.empty()
                                                  ? READSTAT_MEASURE_SCALE
                                                  : READSTAT_MEASURE_NOMINAL);
    }
    readstat_variable_set_label(variable, column.label.c_str());
    variables.push_back(variable);
  }
  if (readstat_error_t error =
          readstat_begin_writing_sav(writer.get(), file, static_cast<long>(table.rows.size()));
      error != READSTAT_OK) {
    // ReadStat validates names, labels and widths here.
    return fail(ReadStatError(error, path, "variables"));
  }
  for (const auto& row : table.rows) {
    readstat_begin_row(writer.get());
    for (size_t col = 0; col < row.size(); ++col) {
      readstat_error_t error = READSTAT_OK;
      if (const double* number = std::get_if<double>(&row[col])) {
        error = readstat_insert_double_value(writer.get(), variables[col], *number);
      } else if (const std::string* text = std::get_if<std::string>(&row[col])) {
        error = readstat_insert_string_value(writer.get(), variables[col], text->c_str());
      } else {
        error = readstat_insert_missing_value(writer.get(), variables[col]);
      }
      if (error != READSTAT_OK)
        return fail(ReadStatError(error, path, "a value of " + table.columns[col].name));
    }
    if (readstat_error_t error = readstat_end_row(writer.get()); error != READSTAT_OK) {
      return fail(ReadStatError(error, path, "a row"));
    }
  }
  if (readstat_error_t error = readstat_end_writing(writer.get()); error != READSTAT_OK) {
    return fail(ReadStatError(error, path, "the end"));
  }
  if (std::fclose(file) != 0)
    return DiscardFile(temporary, IoError("cannot write the file (disk full?)", path));
  return CommitFile(temporary, path);
}

}  // namespace cx::exporting
