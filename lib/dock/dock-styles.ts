// Styles of the content script's own chrome around the sidebar iframe (inside a shadow root,
// so the webmail's CSS cannot reach it and ours cannot leak out).
export const DOCK_CSS = `
  :host { all: initial; }
  .frame { display: flex; height: 100%; width: 100%; background: #fff; box-sizing: border-box;
    border-left: 1px solid #dadce0; font: 13px/1.4 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; }
  .frame.floating { box-shadow: -6px 0 24px rgba(0,0,0,.18); }
  .edge { flex: 0 0 6px; cursor: col-resize; background: transparent; outline: none; }
  .edge:hover, .edge:focus-visible { background: #c6dafc; }
  .panel { flex: 1 1 auto; display: flex; flex-direction: column; min-width: 0; }
  .mark { display: none; padding: 6px 10px; background: #fef7e0; color: #6d4c00; border-bottom: 1px solid #f3d46b; }
  .floating .mark { display: block; }
  iframe { flex: 1 1 auto; border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
`;

export const LAUNCHER_CSS = `
  :host { all: initial; }
  button { position: fixed; right: 16px; bottom: 88px; z-index: 2147483000; width: 44px; height: 44px;
    border-radius: 50%; border: 0; background: #1a56db; color: #fff; cursor: pointer;
    box-shadow: 0 2px 8px rgba(0,0,0,.3); font: 600 15px system-ui, sans-serif; }
  button:focus-visible { outline: 3px solid #93b4f5; outline-offset: 2px; }
  button[hidden] { display: none; }
`;
