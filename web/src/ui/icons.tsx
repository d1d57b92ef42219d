/** Small inline icons (SVG, so they need no emoji font on the analyst's machine). */
export function KeyIcon({ size = 13 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" class="icon">
      <circle cx="5" cy="8" r="3.2" fill="none" stroke="currentColor" stroke-width="1.8" />
      <path d="M8 8h7M12.5 8v3M14.5 8v2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}
