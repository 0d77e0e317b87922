//! Parquet: one flat table, uncompressed, written with the `parquet` crate's low-level column
//! writers (no arrow), a row group of [`ROW_GROUP`] rows at a time.

use super::PARQUET_COLUMNS;
use crate::store::ExportRecord;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, FloatType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::sync::Arc;

/// Rows per row group: the rows held in memory before they are written.
pub const ROW_GROUP: usize = 32_768;

/// The physical type of a column.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int64,
    Int32,
    Float,
    Bool,
    Text,
    /// Text that may be missing (NULL).
    OptionalText,
}

fn kind(column: &str) -> Kind {
    match column {
        "id" | "sentence" | "source_start" | "source_end" | "target_start" | "target_end" | "verb_start"
        | "verb_end" | "pattern_start" | "pattern_end" => Kind::Int64,
        "quad_class" => Kind::Int32,
        "goldstein" => Kind::Float,
        "date_fallback" | "negated" => Kind::Bool,
        "origin_id" | "attributes" => Kind::OptionalText,
        _ => Kind::Text,
    }
}

fn schema() -> String {
    let fields: Vec<String> = PARQUET_COLUMNS
        .iter()
        .map(|c| match kind(c) {
            Kind::Int64 => format!("required int64 {c};"),
            // Optional: a code outside CAMEO (a PETRARCH dictionary's own) has neither.
            Kind::Int32 => format!("optional int32 {c};"),
            Kind::Float => format!("optional float {c};"),
            Kind::Bool => format!("required boolean {c};"),
            Kind::Text => format!("required binary {c} (UTF8);"),
            Kind::OptionalText => format!("optional binary {c} (UTF8);"),
        })
        .collect();
    format!("message event {{ {} }}", fields.join(" "))
}

fn other(e: parquet::errors::ParquetError) -> io::Error {
    io::Error::other(e)
}

/// Writes [`ExportRecord`]s as a Parquet file.
pub struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    rows: Vec<Map<String, Value>>,
    written: u64,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter").field("written", &self.written).finish_non_exhaustive()
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer to `out` (the file's header is written at once).
    pub fn new(out: W) -> io::Result<ParquetWriter<W>> {
        let schema = parquet::schema::parser::parse_message_type(&schema()).map_err(other)?;
        let props = WriterProperties::builder().set_created_by(format!("axis {}", env!("CARGO_PKG_VERSION")));
        let writer =
            SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props.build())).map_err(other)?;
        Ok(ParquetWriter { writer, rows: Vec::with_capacity(ROW_GROUP), written: 0 })
    }

    /// Adds one event (written with its row group).
    pub fn write(&mut self, r: &ExportRecord) -> io::Result<()> {
        let mut row = match serde_json::to_value(&r.event)? {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        row.insert("id".into(), Value::from(r.id));
        row.insert("origin".into(), Value::from(r.origin.as_str()));
        row.insert("origin_id".into(), r.origin_id.as_deref().map_or(Value::Null, Value::from));
        let attributes = (!r.attributes.is_empty()).then(|| Value::Object(r.attributes.clone()).to_string());
        row.insert("attributes".into(), attributes.map_or(Value::Null, Value::from));
        self.rows.push(row);
        self.written += 1;
        if self.rows.len() >= ROW_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn flush_group(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group().map_err(other)?;
        let mut index = 0;
        while let Some(mut column) = group.next_column().map_err(other)? {
            let name = PARQUET_COLUMNS[index];
            let cells = rows.iter().map(|r| r.get(name).unwrap_or(&Value::Null));
            let text = |v: &Value| match v {
                Value::String(s) => ByteArray::from(s.as_str()),
                Value::Null => ByteArray::from(""),
                v => ByteArray::from(v.to_string().as_str()),
            };
            match kind(name) {
                Kind::Int64 => {
                    let v: Vec<i64> = cells.map(|c| c.as_i64().unwrap_or(0)).collect();
                    column.typed::<Int64Type>().write_batch(&v, None, None).map_err(other)?;
                }
                Kind::Int32 => {
                    let cells: Vec<Option<i64>> = cells.map(Value::as_i64).collect();
                    let levels: Vec<i16> = cells.iter().map(|c| i16::from(c.is_some())).collect();
                    let v: Vec<i32> = cells.into_iter().flatten().map(|c| c as i32).collect();
                    column.typed::<Int32Type>().write_batch(&v, Some(&levels), None).map_err(other)?;
                }
                Kind::Float => {
                    let cells: Vec<Option<f64>> = cells.map(Value::as_f64).collect();
                    let levels: Vec<i16> = cells.iter().map(|c| i16::from(c.is_some())).collect();
                    let v: Vec<f32> = cells.into_iter().flatten().map(|c| c as f32).collect();
                    column.typed::<FloatType>().write_batch(&v, Some(&levels), None).map_err(other)?;
                }
                Kind::Bool => {
                    let v: Vec<bool> = cells.map(|c| c.as_bool().unwrap_or(false)).collect();
                    column.typed::<BoolType>().write_batch(&v, None, None).map_err(other)?;
                }
                Kind::Text => {
                    let v: Vec<ByteArray> = cells.map(text).collect();
                    column.typed::<ByteArrayType>().write_batch(&v, None, None).map_err(other)?;
                }
                Kind::OptionalText => {
                    let cells: Vec<&Value> = cells.collect();
                    let levels: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_null())).collect();
                    let v: Vec<ByteArray> = cells.into_iter().filter(|c| !c.is_null()).map(text).collect();
                    column.typed::<ByteArrayType>().write_batch(&v, Some(&levels), None).map_err(other)?;
                }
            }
            column.close().map_err(other)?;
            index += 1;
        }
        group.close().map_err(other)?;
        Ok(())
    }

    /// Rows written.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush_group()?;
        self.writer.close().map_err(other)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_parses_and_has_every_column() {
        let schema = parquet::schema::parser::parse_message_type(&schema()).unwrap();
        let names: Vec<&str> = schema.get_fields().iter().map(|f| f.name()).collect();
        assert_eq!(names, PARQUET_COLUMNS);
    }
}
