/// Reads CSV text (RFC 4180: quoted fields, doubled quotes, `\n` or `\r\n` line ends) into
/// records of strings, e.g. to merge the shards of a sweep or to check a written table.
public enum CSVParser {
  /// Splits `text` into records of fields. A final line break does not start an empty record.
  ///
  /// - Throws: ``PruneReportError/malformedCSV(line:reason:)`` for a quote that is never closed
  ///   or text straight after a closing quote.
  public static func records(in text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field: [Unicode.Scalar] = []
    var isQuoted = false
    var afterClosingQuote = false
    var line = 1
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = scalars.next()

    func finishField() {
      var string = ""
      string.unicodeScalars.append(contentsOf: field)
      record.append(string)
      field.removeAll(keepingCapacity: true)
      afterClosingQuote = false
    }

    while let scalar = pending {
      pending = scalars.next()
      if isQuoted {
        if scalar == "\"" {
          if pending == "\"" {
            field.append("\"")
            pending = scalars.next()
          } else {
            isQuoted = false
            afterClosingQuote = true
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case ",":
        finishField()
      case "\r" where pending == "\n":
        continue
      case "\n":
        finishField()
        records.append(record)
        record.removeAll()
        line += 1
      case "\"" where field.isEmpty && !afterClosingQuote:
        isQuoted = true
      default:
        if afterClosingQuote {
          throw PruneReportError.malformedCSV(
            line: line, reason: "text follows a closing quote inside one field")
        }
        field.append(scalar)
      }
    }
    if isQuoted {
      throw PruneReportError.malformedCSV(line: line, reason: "a quoted field is never closed")
    }
    if !field.isEmpty || !record.isEmpty || afterClosingQuote {
      finishField()
      records.append(record)
    }
    return records
  }
}
