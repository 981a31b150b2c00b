export { netmapDhcpParser } from './dhcp';
export { netmapHostsParser } from './hosts';
export { netmapNatParser } from './nat';
