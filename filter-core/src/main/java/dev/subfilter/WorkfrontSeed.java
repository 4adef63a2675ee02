package dev.subfilter;

import java.util.List;
import java.util.Set;

/** The tables of Workfront's Event Subscription API (seed 003) that workfront mode checks against. */
final class WorkfrontSeed {
  /** Seed 003's objCode table: what Workfront subscribes to, in its order. */
  static final List<String> WORKFRONT_OBJ_CODES = List.of("ASSGN", "CMPY", "PTLTAB", "DOCU", "EXPNS", "FIELD", "HOUR",
      "OPTASK", "NOTE", "PORT", "PRGM", "PROJ", "RECORD", "RECORD_TYPE", "PTLSEC", "TASK", "TMPL", "TSHET", "USER", "WORKSPACE");
  /** Seed 003's values of base64Encoding besides the booleans: "true, false, and \" \" (blank)", its example a string. */
  static final Set<String> BASE64_ENCODING_TEXTS = Set.of("true", "false", "", " ");
  /** Seed 003: "The following fields are not filterable", as objCode.fieldName. */
  static final List<String> NOT_FILTERABLE = List.of("DOCU.groups", "RECORD.data", "RECORD_TYPE.data", "RECORD_TYPE.fields");

  private WorkfrontSeed() {}
}
