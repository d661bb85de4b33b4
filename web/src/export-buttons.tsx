/** Buttons that download the diagram shown, with the options shown, as SVG, PNG or PDF. */
import { useState } from 'preact/hooks';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function ExportButtons(props: { onExport(format: ExportFormat): Promise<void> }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await props.onExport(format);
    } finally {
      setBusy(null);
    }
  };
  return (
    <span class="exports">
      Export
      {EXPORT_FORMATS.map((format) => (
        <button
          type="button"
          key={format}
          class={`export-${format}`}
          disabled={busy !== null}
          title={`Download this diagram as ${format.toUpperCase()}`}
          onClick={() => run(format)}
        >
          {busy === format ? '…' : format.toUpperCase()}
        </button>
      ))}
    </span>
  );
}
