"""Record stage: assemble the Document into a record dict, validate it against the record schema."""

from pipeline.record.build import SCHEMA_VERSION, build_record
from pipeline.record.validate import RecordInvalid, check_record, record_errors

__all__ = ["SCHEMA_VERSION", "RecordInvalid", "build_record", "check_record", "record_errors"]
