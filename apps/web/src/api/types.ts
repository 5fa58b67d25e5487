// The API's types come from @shipgate/contract (shared with the server; types only).
// Web-side names for the same shapes are aliased here.
export type * from '@shipgate/contract';
