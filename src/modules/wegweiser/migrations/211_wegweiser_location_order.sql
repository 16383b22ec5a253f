-- Several locations per Wegweiser entry (issue 12): the staff form lists an
-- entry's locations in an order of its own, which saving keeps (a new place
-- goes last, not wherever its random uuid sorts). HSDS has no such field;
-- the API and the export send service_at_locations in this order.
alter table wegweiser_service_at_location add column position integer not null default 0 check (position >= 0);

-- until now the form showed the location with the smallest id first: keep that order
update wegweiser_service_at_location sal set position = ordered.position
from (select id, (row_number() over (partition by service_id order by location_id) - 1)::int as position from wegweiser_service_at_location) ordered
where ordered.id = sal.id;

create index wegweiser_service_at_location_service on wegweiser_service_at_location (service_id, position);
