-- Pinboard photos are now shrunk when uploaded (sharp; docs/decisions.md,
-- "Photos resized with sharp"): the stored photo has at most 1,600 pixels on
-- its longest side, and a thumbnail of 480 for the documentation page, which
-- shows many photos at once and links each thumbnail to its photo. Photos
-- uploaded before have no thumbnail (null): the page shows the photo itself.
alter table event_documentation_photo
  add column thumbnail        bytea,
  add column thumbnail_width  integer check (thumbnail_width > 0),
  add column thumbnail_height integer check (thumbnail_height > 0),
  add constraint event_documentation_photo_thumbnail_complete
    check ((thumbnail is null) = (thumbnail_width is null) and (thumbnail is null) = (thumbnail_height is null));
